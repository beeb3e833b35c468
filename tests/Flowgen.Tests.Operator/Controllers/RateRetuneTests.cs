using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Controllers;

/// <summary>A spec change that only sets another rate reaches the agents in place; anything else restarts them.</summary>
public sealed class RateRetuneTests
{
    private static TrafficFlow Flow(string? rate, Action<UdpFlow>? change = null)
    {
        var flow = SampleFlows.Running();
        flow.Spec.Udp!.Rate = rate;
        change?.Invoke(flow.Spec.Udp);
        return flow;
    }

    /// <summary>An agent of <paramref name="slot"/> running the job <paramref name="flow"/>'s spec gives it.</summary>
    private static AgentObservation Running(TrafficFlow flow, AgentSlot slot, AgentState state = AgentState.Running) =>
        new(slot, Observations.Pod($"pod-{slot.Node}"), Observations.Status(state) with
        {
            Job = flow.Spec.ToUdpJob(slot.Interface, slot.DstMac).ToString(),
        });

    [Fact]
    public void A_new_rate_for_agents_running_with_a_rate_goes_to_them()
    {
        var old = Flow("50k");
        var observed = new[] { Running(old, Observations.N1), Running(old, Observations.N2, AgentState.Armed) };

        Assert.Equal(new SendRate(2_500_000_000, RateUnit.BitsPerSecond), RateRetune.For(Flow("2.5Gbit"), observed));
    }

    [Theory]
    [InlineData(null, "50k")]
    [InlineData("50k", null)]
    public void Adding_or_removing_the_rate_needs_a_restart(string? before, string? after) =>
        Assert.Null(RateRetune.For(Flow(after), [Running(Flow(before), Observations.N1)]));

    [Fact]
    public void Another_change_beside_the_rate_needs_a_restart() =>
        Assert.Null(RateRetune.For(Flow("100k", udp => udp.DstPort = 7777), [Running(Flow("50k"), Observations.N1)]));

    [Fact]
    public void An_agent_that_is_not_armed_or_running_needs_a_restart()
    {
        var old = Flow("50k");
        Assert.Null(RateRetune.For(Flow("100k"), [Running(old, Observations.N1), Running(old, Observations.N2, AgentState.Succeeded)]));
        Assert.Null(RateRetune.For(Flow("100k"), [Running(old, Observations.N1), Observations.Agent(Observations.N2, state: null)]));
    }
}
