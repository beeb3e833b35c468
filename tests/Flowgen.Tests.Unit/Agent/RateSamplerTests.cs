using Flowgen.Contract;
using Flowgen.Control;

namespace Flowgen.Tests.Unit.Agent;

public class RateSamplerTests
{
    private JobSnapshot _job = new(AgentState.Running, null, null, DateTimeOffset.UtcNow, null, JobFigures.Zero);

    [Fact]
    public async Task Rates_are_frames_sent_per_second_between_two_readings_and_the_bits_of_their_bytes()
    {
        using var sampler = new RateSampler(() => _job);
        sampler.Sample();
        await Task.Delay(200);
        _job = _job with { Figures = FakeArmedJob.UdpCounts(sent: 100_000) };

        sampler.Sample();

        AgentRates rates = sampler.Current;
        Assert.InRange(rates.PacketsPerSecond, 100_000 / 2.0, 100_000 / 0.2);
        Assert.Equal(rates.PacketsPerSecond * FakeArmedJob.FrameSize * 8, rates.BitsPerSecond, 6);
    }

    [Fact]
    public async Task Rates_are_zero_unless_the_job_is_sending()
    {
        using var sampler = new RateSampler(() => _job);
        sampler.Sample();
        await Task.Delay(50);
        _job = _job with { State = AgentState.Succeeded, Figures = FakeArmedJob.UdpCounts(sent: 100_000) };

        sampler.Sample();

        Assert.Equal(AgentRates.Zero, sampler.Current);
    }
}
