using Flowgen.Contract;
using Flowgen.Operator.Controllers;
using k8s.Models;

namespace Flowgen.Tests.Operator.Controllers;

/// <summary>Agent observations as the reconciler makes them, for the decision tests.</summary>
internal static class Observations
{
    public static readonly AgentSlot N1 = new("n1", "ens1f0", null);
    public static readonly AgentSlot N2 = new("n2", "ens1f0", null);

    public static V1Pod Pod(string name) => new() { Metadata = new V1ObjectMeta { Name = name }, Status = new V1PodStatus { Phase = "Running" } };

    public static AgentStatus Status(AgentState state, long sent = 0, double pps = 0, string? reason = null) => new()
    {
        State = state,
        Reason = reason,
        Interface = "ens1f0",
        Mode = "udp",
        Job = "udp --dst-addr 198.18.0.2 ens1f0",
        Totals = AgentTotals.Zero with { Sent = sent, Dropped = sent / 100 },
        Rates = new AgentRates(pps, pps * 512),
    };

    public static AgentObservation Agent(AgentSlot slot, AgentState? state, long sent = 0, double pps = 0, string? reason = null) =>
        new(slot, Pod($"pod-{slot.Node}"), state is { } s ? Status(s, sent, pps, reason) : null);
}
