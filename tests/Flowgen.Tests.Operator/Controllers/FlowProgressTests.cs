using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using k8s.Models;
using static Flowgen.Tests.Operator.Controllers.Observations;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowProgressTests
{
    [Fact]
    public void Without_pods_a_flow_is_pending() =>
        Assert.Equal(FlowPhase.Pending, FlowProgress.PhaseOf([new AgentObservation(N1, null, null)], started: false));

    [Fact]
    public void With_pods_preparing_a_flow_is_arming() =>
        Assert.Equal(FlowPhase.Arming, FlowProgress.PhaseOf([Agent(N1, AgentState.Armed), Agent(N2, AgentState.Preparing)], started: false));

    [Fact]
    public void Once_started_a_flow_is_running_until_every_agent_is_done()
    {
        Assert.Equal(FlowPhase.Running, FlowProgress.PhaseOf([Agent(N1, AgentState.Running), Agent(N2, AgentState.Succeeded)], started: true));
        Assert.Equal(FlowPhase.Succeeded, FlowProgress.PhaseOf([Agent(N1, AgentState.Succeeded), Agent(N2, AgentState.Succeeded)], started: true));
    }

    [Fact]
    public void One_failed_agent_fails_the_flow_and_says_where_and_why()
    {
        AgentObservation[] agents = [Agent(N1, AgentState.Running), Agent(N2, AgentState.Failed, reason: "interface 'ens1f0' does not exist")];

        Assert.Equal(FlowPhase.Failed, FlowProgress.PhaseOf(agents, started: true));
        Assert.Equal("agent on n2/ens1f0: interface 'ens1f0' does not exist", FlowProgress.FailureMessage(agents));
    }

    [Fact]
    public void A_stopped_agent_makes_a_finished_flow_stopped_not_succeeded() =>
        Assert.Equal(FlowPhase.Stopped, FlowProgress.PhaseOf([Agent(N1, AgentState.Succeeded), Agent(N2, AgentState.Stopped)], started: true));

    [Fact]
    public void An_unschedulable_pod_fails_the_flow_before_any_agent_answers()
    {
        V1Pod pod = Pod("pod-n1");
        pod.Status = new V1PodStatus
        {
            Phase = "Pending",
            Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = "0/3 nodes are available" }],
        };
        AgentObservation[] agents = [new(N1, pod, null)];

        Assert.Equal(FlowPhase.Failed, FlowProgress.PhaseOf(agents, started: false));
        Assert.Contains("unschedulable: 0/3 nodes are available", FlowProgress.FailureMessage(agents), StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_are_the_sums_over_agents_and_rates_count_only_while_running()
    {
        var status = new TrafficFlowStatus();
        FlowProgress.Aggregate(status, [Agent(N1, AgentState.Running, sent: 1000, pps: 4e6), Agent(N2, AgentState.Running, sent: 500, pps: 2e6)]);

        Assert.Equal(1500, status.PacketsSent);
        Assert.Equal(15, status.PacketsDropped);
        Assert.Equal(6e6, status.PacketsPerSecond);
        Assert.Equal(2, status.AgentCount);
        Assert.Equal(["n1", "n2"], status.Agents!.Select(a => a.Node));
        Assert.Equal(PacketRate.Format(6e6), status.Rate);

        FlowProgress.Aggregate(status, [Agent(N1, AgentState.Succeeded, sent: 2000, pps: 4e6), Agent(N2, AgentState.Succeeded, sent: 900, pps: 2e6)]);

        Assert.Equal(2900, status.PacketsSent);
        Assert.Equal(0, status.PacketsPerSecond);
    }

    [Fact]
    public void Tcp_figures_are_summed_over_agents_and_kept_per_agent()
    {
        var status = new TrafficFlowStatus();
        AgentObservation Tcp(AgentSlot slot, long resent, long acknowledged)
        {
            var agent = Agent(slot, AgentState.Succeeded, sent: 10_000);
            return agent with { Status = agent.Status! with { Mode = "tcp", Totals = agent.Status.Totals with { Resent = resent, BytesAcknowledged = acknowledged } } };
        }

        FlowProgress.Aggregate(status, [Tcp(N1, resent: 12, acknowledged: 14_480_000), Tcp(N2, resent: 3, acknowledged: 7_240_000)]);

        Assert.Equal((15, 21_720_000), (status.SegmentsResent, status.BytesAcknowledged));
        Assert.Equal([(12L, 14_480_000L), (3L, 7_240_000L)], status.Agents!.Select(a => (a.SegmentsResent, a.BytesAcknowledged)));
    }

    [Fact]
    public void Each_agent_entry_carries_its_own_latency_and_an_agent_without_it_none()
    {
        var status = new TrafficFlowStatus();
        var measured = Agent(N1, AgentState.Running, sent: 100);
        measured = measured with { Status = measured.Status! with { Latency = new AgentLatency(100, 20.5, 31.2, 30, 55.8, 61, 70.25, 0) } };

        FlowProgress.Aggregate(status, [measured, Agent(N2, AgentState.Running, sent: 100)]);

        var latency = status.Agents![0].Latency!;
        Assert.Equal((100L, 20.5, 31.2, 30.0, 55.8, 61.0, 70.25), (latency.Samples, latency.MinUs, latency.MeanUs, latency.P50Us, latency.P99Us, latency.P999Us, latency.MaxUs));
        Assert.Null(status.Agents[1].Latency);
    }
}
