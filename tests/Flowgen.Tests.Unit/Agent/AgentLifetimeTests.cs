using Flowgen.Control;
using static Flowgen.Tests.Unit.Agent.AgentJobs;

namespace Flowgen.Tests.Unit.Agent;

public class AgentLifetimeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Release_is_refused_until_the_job_is_over()
    {
        using AgentJob job = await ArmedAsync(new FakeArmedJob());
        var lifetime = new AgentLifetime(job, Log);

        Verdict early = lifetime.CanRelease();
        job.Stop("the test");

        Assert.False(early.IsAccepted);
        Assert.Contains("stop it first", early.Refusal, StringComparison.Ordinal);
        Assert.True(lifetime.CanRelease().IsAccepted);
    }

    [Fact]
    public async Task Release_ends_the_agent_before_the_grace_period()
    {
        using AgentJob job = await ArmedAsync(new FakeArmedJob());
        var lifetime = new AgentLifetime(job, Log);
        Task<AgentEnd> waiting = lifetime.WaitAsync(Long, CancellationToken.None);
        job.Stop("the test");

        lifetime.Release();

        Assert.Equal(AgentEnd.Released, await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Grace_period_counts_from_the_end_of_the_job()
    {
        using AgentJob job = await ArmedAsync(new FakeArmedJob());
        var lifetime = new AgentLifetime(job, Log);
        Task<AgentEnd> waiting = lifetime.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);

        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        job.Stop("the test");

        Assert.Equal(AgentEnd.GraceOver, await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Signal_ends_the_agent_at_any_time()
    {
        using AgentJob job = await ArmedAsync(new FakeArmedJob());
        var lifetime = new AgentLifetime(job, Log);
        using var signal = new CancellationTokenSource();
        Task<AgentEnd> waiting = lifetime.WaitAsync(Long, signal.Token);

        await signal.CancelAsync();

        Assert.Equal(AgentEnd.Signalled, await waiting.WaitAsync(Patience));
    }
}
