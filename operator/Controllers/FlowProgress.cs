using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// The flow's phase from what its agents report, and its status figures: per-agent entries and
/// totals over agents. Pure, so every transition is unit-tested.
/// </summary>
internal static class FlowProgress
{
    /// <param name="started">The operator has sent the agents their start.</param>
    public static FlowPhase PhaseOf(IReadOnlyList<AgentObservation> agents, bool started)
    {
        if (agents.Count == 0)
            return FlowPhase.Pending;
        if (agents.Any(a => a.Failure is not null))
            return FlowPhase.Failed;
        if (agents.All(a => a.IsFinal))
            return agents.All(a => a.Status!.State == AgentState.Succeeded) ? FlowPhase.Succeeded : FlowPhase.Stopped;
        if (started)
            return FlowPhase.Running;
        return agents.Any(a => a.Pod is not null) ? FlowPhase.Arming : FlowPhase.Pending;
    }

    /// <summary>Why the flow failed: the first failing agent, named by node and interface.</summary>
    public static string? FailureMessage(IReadOnlyList<AgentObservation> agents) =>
        agents.Where(a => a.Failure is not null)
            .Select(a => $"agent on {a.Slot.Node}/{a.Slot.Interface}: {a.Failure}")
            .FirstOrDefault();

    /// <summary>Writes the agents' entries and the totals into <paramref name="status"/>.</summary>
    public static void Aggregate(TrafficFlowStatus status, IReadOnlyList<AgentObservation> agents)
    {
        status.Agents = agents.Select(Entry).ToList();
        status.AgentCount = agents.Count;
        status.PacketsSent = agents.Sum(a => a.Status?.Totals.Sent ?? 0);
        status.PacketsDropped = agents.Sum(a => a.Status?.Totals.Dropped ?? 0);
        status.Errors = agents.Sum(a => a.Status?.Totals.Errors ?? 0);
        status.SegmentsResent = agents.Sum(a => a.Status?.Totals.Resent ?? 0);
        status.BytesAcknowledged = agents.Sum(a => a.Status?.Totals.BytesAcknowledged ?? 0);
        bool running = agents.Any(a => a.Status?.State == AgentState.Running);
        status.PacketsPerSecond = running ? agents.Sum(a => a.Status?.Rates.PacketsPerSecond ?? 0) : 0;
        status.BitsPerSecond = running ? agents.Sum(a => a.Status?.Rates.BitsPerSecond ?? 0) : 0;
        status.Rate = PacketRate.Format(status.PacketsPerSecond);
    }

    private static AgentEntry Entry(AgentObservation agent) => new()
    {
        Node = agent.Slot.Node,
        Interface = agent.Slot.Interface,
        Pod = agent.Pod?.Metadata.Name,
        State = agent.Status?.State,
        PacketsSent = agent.Status?.Totals.Sent ?? 0,
        PacketsDropped = agent.Status?.Totals.Dropped ?? 0,
        Errors = agent.Status?.Totals.Errors ?? 0,
        SegmentsResent = agent.Status?.Totals.Resent ?? 0,
        BytesAcknowledged = agent.Status?.Totals.BytesAcknowledged ?? 0,
        PacketsPerSecond = agent.Status?.State == AgentState.Running ? agent.Status.Rates.PacketsPerSecond : 0,
        Reason = agent.PodProblem ?? agent.Status?.Reason,
        Latency = agent.Status?.Latency is { } l
            ? new LatencyStatus { Samples = l.Samples, MinUs = l.MinUs, MeanUs = l.MeanUs, P50Us = l.P50Us, P99Us = l.P99Us, P999Us = l.P999Us, MaxUs = l.MaxUs }
            : null,
    };
}
