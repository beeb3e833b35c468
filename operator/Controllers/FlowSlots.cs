using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// The slots of the current run. Placement decides them once per spec generation; after that they are
/// read back from status.agents, so a node changing its labels or readiness mid-run moves no agent.
/// </summary>
internal static class FlowSlots
{
    /// <summary>The slots recorded for this generation, or null when placement has yet to decide.</summary>
    public static IReadOnlyList<AgentSlot>? Recorded(TrafficFlow flow)
    {
        if (flow.Status is not { Agents: { Count: > 0 } agents } status || status.ObservedGeneration != flow.Metadata.Generation)
            return null;
        return agents.Select(a => new AgentSlot(a.Node, a.Interface, DstMacOf(flow.Spec, a.Node, a.Interface))).ToList();
    }

    private static string? DstMacOf(TrafficFlowSpec spec, string node, string iface) =>
        spec.Agents.Targets?.FirstOrDefault(t => t.Node == node && t.Interface == iface)?.DstMac;
}
