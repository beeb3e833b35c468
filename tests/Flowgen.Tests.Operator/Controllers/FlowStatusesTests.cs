using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Api;
using k8s.Models;
using static Flowgen.Tests.Operator.Controllers.Observations;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowStatusesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static TrafficFlow Flow(long generation = 2, TrafficFlowStatus? status = null)
    {
        var flow = SampleFlows.Running();
        flow.Metadata.Generation = generation;
        flow.Status = status;
        return flow;
    }

    private static V1Condition Condition(TrafficFlowStatus status, string type) => status.Conditions!.Single(c => c.Type == type);

    [Fact]
    public void A_spec_change_outdates_the_run_but_a_new_flow_is_not_outdated()
    {
        Assert.True(FlowStatuses.IsOutdated(Flow(generation: 3, status: SampleFlows.Running().Status)));
        Assert.False(FlowStatuses.IsOutdated(Flow(status: null)));
        Assert.False(FlowStatuses.IsOutdated(SampleFlows.Running()));
    }

    [Fact]
    public void A_restarted_run_starts_from_pending_with_no_figures_of_the_old_one()
    {
        var status = FlowStatuses.Fresh(Flow(generation: 3, status: SampleFlows.Running().Status), "the spec changed", Now);
        Assert.Equal(FlowPhase.Pending, status.Phase);
        Assert.Equal(3, status.ObservedGeneration);
        Assert.Equal(0, status.PacketsSent);
        Assert.Null(status.StartTime);
        Assert.Null(status.Agents);
    }

    [Fact]
    public void A_succeeded_run_records_totals_completion_and_its_conditions()
    {
        var status = FlowStatuses.Observed(Flow(), [Agent(N1, AgentState.Succeeded, sent: 600), Agent(N2, AgentState.Succeeded, sent: 400)],
            started: true, startedAt: Now.AddSeconds(-10), Now);

        Assert.Equal(FlowPhase.Succeeded, status.Phase);
        Assert.Equal(1000, status.PacketsSent);
        Assert.Equal(Now.UtcDateTime, status.CompletionTime);
        Assert.Equal(Now.AddSeconds(-10).UtcDateTime, status.StartTime);
        Assert.Equal("False", Condition(status, FlowConditions.Progressing).Status);
        Assert.Equal("False", Condition(status, FlowConditions.Failed).Status);
    }

    [Fact]
    public void A_failed_agent_fails_the_flow_and_names_itself()
    {
        var status = FlowStatuses.Observed(Flow(), [Agent(N1, AgentState.Failed, reason: "no such interface"), Agent(N2, AgentState.Running)],
            started: true, startedAt: null, Now);

        Assert.Equal(FlowPhase.Failed, status.Phase);
        Assert.Equal("agent on n1/ens1f0: no such interface", status.Message);
        Assert.Equal("True", Condition(status, FlowConditions.Failed).Status);
    }

    [Fact]
    public void Ready_is_true_once_every_agent_is_armed_and_keeps_its_transition_time()
    {
        var armed = FlowStatuses.Observed(Flow(), [Agent(N1, AgentState.Armed), Agent(N2, AgentState.Armed)], started: false, startedAt: null, Now);
        var running = FlowStatuses.Observed(Flow(status: armed), [Agent(N1, AgentState.Running), Agent(N2, AgentState.Running)],
            started: true, startedAt: Now, Now.AddSeconds(5));

        Assert.Equal("True", Condition(armed, FlowConditions.Ready).Status);
        Assert.Equal("True", Condition(running, FlowConditions.Ready).Status);
        Assert.Equal(Now.UtcDateTime, Condition(running, FlowConditions.Ready).LastTransitionTime);
        Assert.Equal(Now.UtcDateTime, running.StartTime);
    }

    [Fact]
    public void The_start_time_of_a_run_is_kept_once_recorded()
    {
        var first = FlowStatuses.Observed(Flow(), [Agent(N1, AgentState.Running)], started: true, startedAt: Now, Now);
        var later = FlowStatuses.Observed(Flow(status: first), [Agent(N1, AgentState.Running)], started: true, startedAt: null, Now.AddMinutes(1));
        Assert.Equal(Now.UtcDateTime, later.StartTime);
    }
}
