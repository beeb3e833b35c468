using Flowgen.Contract;
using Flowgen.Control;
using Microsoft.Extensions.Time.Testing;

namespace Flowgen.Tests.Unit.Agent;

public class RateSamplerTests
{
    // The sampler's own timer fires only when the fake clock passes its period, which these tests never do.
    private readonly FakeTimeProvider _clock = new();
    private JobSnapshot _job = new(AgentState.Running, null, null, DateTimeOffset.UtcNow, null, JobFigures.Zero);

    [Fact]
    public void Rates_are_frames_sent_per_second_between_two_readings_and_the_bits_of_their_bytes()
    {
        using var sampler = new RateSampler(() => _job, _clock);
        sampler.Sample();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        _job = _job with { Figures = FakeArmedJob.UdpCounts(sent: 100_000) };

        sampler.Sample();

        AgentRates rates = sampler.Current;
        Assert.Equal(500_000, rates.PacketsPerSecond, 6);
        Assert.Equal(rates.PacketsPerSecond * FakeArmedJob.FrameSize * 8, rates.BitsPerSecond, 6);
    }

    [Fact]
    public void Rates_are_zero_unless_the_job_is_sending()
    {
        using var sampler = new RateSampler(() => _job, _clock);
        sampler.Sample();
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _job = _job with { State = AgentState.Succeeded, Figures = FakeArmedJob.UdpCounts(sent: 100_000) };

        sampler.Sample();

        Assert.Equal(AgentRates.Zero, sampler.Current);
    }
}
