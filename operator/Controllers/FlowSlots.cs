using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// The slots of the current run. Placement decides them once per spec generation; after that they are
/// read back from status.agents, so a node changing its labels or readiness mid-run moves no agent.
/// </summary>
internal static class FlowSlots
{
    /// <summary>The slots recorded for this generation, or null when placement has yet to decide.</summary>
    public static IReadOnlyList<AgentSlot>? Recorded(TrafficFlow flow) =>
        flow.Status?.ObservedGeneration == flow.Metadata.Generation ? Placed(flow) : null;

    /// <summary>
    /// The slots of the run going on, whichever generation placed it (what a changed spec may retune in
    /// place), each with the current spec's target MAC; null when nothing is placed.
    /// </summary>
    public static IReadOnlyList<AgentSlot>? Placed(TrafficFlow flow) =>
        flow.Status is { Agents: { Count: > 0 } agents }
            ? agents.Select(a => new AgentSlot(a.Node, a.Interface, DstMacOf(flow.Spec, a.Node, a.Interface))).ToList()
            : null;

    private static string? DstMacOf(TrafficFlowSpec spec, string node, string iface) =>
        spec.Agents.Targets?.FirstOrDefault(t => t.Node == node && t.Interface == iface)?.DstMac;
}
