using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using static Flowgen.Tests.Operator.Controllers.Observations;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class StartDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Together_waits_until_every_agent_is_armed()
    {
        var decision = StartDecision.For(StartPolicy.Together, [Agent(N1, AgentState.Armed), Agent(N2, AgentState.Preparing)], started: false, startedAt: null, Now);
        Assert.Empty(decision.Agents);
    }

    [Fact]
    public void Together_starts_every_agent_at_one_instant_a_moment_ahead()
    {
        var decision = StartDecision.For(StartPolicy.Together, [Agent(N1, AgentState.Armed), Agent(N2, AgentState.Armed)], started: false, startedAt: null, Now);
        Assert.Equal(2, decision.Agents.Count);
        Assert.Equal(Now + StartDecision.Lead, decision.StartAt);
    }

    [Fact]
    public void Together_never_starts_twice() =>
        Assert.Empty(StartDecision.For(StartPolicy.Together, [Agent(N1, AgentState.Running), Agent(N2, AgentState.Running)], started: true, startedAt: Now, Now).Agents);

    [Fact]
    public void Unreachable_agents_hold_a_barrier_start() =>
        Assert.Empty(StartDecision.For(StartPolicy.Together, [Agent(N1, AgentState.Armed), Agent(N2, state: null)], started: false, startedAt: null, Now).Agents);

    [Fact]
    public void After_a_barrier_start_a_straggler_joins_at_the_runs_instant_or_at_once_when_it_passed()
    {
        AgentObservation[] agents = [Agent(N1, AgentState.Running), Agent(N2, AgentState.Armed)];

        var ahead = StartDecision.For(StartPolicy.Together, agents, started: true, startedAt: Now.AddSeconds(1), Now);
        var passed = StartDecision.For(StartPolicy.Together, agents, started: true, startedAt: Now.AddSeconds(-1), Now);

        Assert.Equal([N2], ahead.Agents.Select(a => a.Slot));
        Assert.Equal(Now.AddSeconds(1), ahead.StartAt);
        Assert.Equal([N2], passed.Agents.Select(a => a.Slot));
        Assert.Null(passed.StartAt);
    }

    [Fact]
    public void Immediately_starts_each_armed_agent_at_once()
    {
        var decision = StartDecision.For(StartPolicy.Immediately, [Agent(N1, AgentState.Armed), Agent(N2, AgentState.Running)], started: true, startedAt: null, Now);
        Assert.Equal([N1], decision.Agents.Select(a => a.Slot));
        Assert.Null(decision.StartAt);
    }

    [Fact]
    public void A_run_has_started_once_recorded_or_once_an_agent_is_past_armed()
    {
        Assert.False(StartDecision.HasStarted(null, [Agent(N1, AgentState.Armed)]));
        Assert.True(StartDecision.HasStarted(new TrafficFlowStatus { StartTime = Now.UtcDateTime }, [Agent(N1, AgentState.Armed)]));
        Assert.True(StartDecision.HasStarted(null, [Agent(N1, AgentState.Armed), Agent(N2, AgentState.Running)]));
    }
}
