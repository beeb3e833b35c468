using Flowgen.Operator.Api;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>The next status of a flow from what was observed: phase, figures, times, conditions. Pure.</summary>
internal static class FlowStatuses
{
    public static bool IsFinal(FlowPhase? phase) => phase is FlowPhase.Succeeded or FlowPhase.Failed or FlowPhase.Stopped;

    /// <summary>The instant the run was told to start, or null before.</summary>
    public static DateTimeOffset? StartInstant(TrafficFlowStatus? status) =>
        status?.StartTime is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    /// <summary>A spec change after (or during) a run: the old run's agents must go and its figures be cleared.</summary>
    public static bool IsOutdated(TrafficFlow flow) =>
        flow.Status?.ObservedGeneration is { } observed && observed != flow.Metadata.Generation;

    /// <summary>The status of a run that has not placed anything yet (a fresh flow, or one whose spec changed).</summary>
    public static TrafficFlowStatus Fresh(TrafficFlow flow, string? message, DateTimeOffset now) =>
        WithConditions(new TrafficFlowStatus
        {
            Phase = FlowPhase.Pending,
            ObservedGeneration = flow.Metadata.Generation,
            Rate = PacketRate.Format(0),
            Message = message,
        }, previous: flow.Status, now);

    /// <summary>A flow that can't run at all (e.g. the agent would refuse its spec).</summary>
    public static TrafficFlowStatus Failed(TrafficFlow flow, string message, DateTimeOffset now) =>
        WithConditions(new TrafficFlowStatus
        {
            Phase = FlowPhase.Failed,
            ObservedGeneration = flow.Metadata.Generation,
            Rate = PacketRate.Format(0),
            Message = message,
            CompletionTime = now.UtcDateTime,
        }, previous: flow.Status, now);

    public static TrafficFlowStatus Observed(
        TrafficFlow flow, IReadOnlyList<AgentObservation> agents, bool started, DateTimeOffset? startedAt, DateTimeOffset now)
    {
        var previous = flow.Status;
        var phase = FlowProgress.PhaseOf(agents, started);
        var status = new TrafficFlowStatus
        {
            Phase = phase,
            ObservedGeneration = flow.Metadata.Generation,
            StartTime = previous?.StartTime ?? startedAt?.UtcDateTime,
            CompletionTime = IsFinal(phase) ? previous?.CompletionTime ?? now.UtcDateTime : null,
            Message = FlowProgress.FailureMessage(agents) ?? MessageOf(phase, agents),
        };
        FlowProgress.Aggregate(status, agents);
        return WithConditions(status, previous, now);
    }

    private static string MessageOf(FlowPhase phase, IReadOnlyList<AgentObservation> agents) => phase switch
    {
        FlowPhase.Pending => "waiting for the agent pods",
        FlowPhase.Arming => $"{agents.Count(a => a.IsArmedOrLater)} of {agents.Count} agents armed",
        FlowPhase.Running => $"{agents.Count} agents sending",
        FlowPhase.Succeeded => "every agent reached its limit",
        _ => "stopped before the limit",
    };

    private static TrafficFlowStatus WithConditions(TrafficFlowStatus status, TrafficFlowStatus? previous, DateTimeOffset now)
    {
        var phase = status.Phase;
        bool failed = phase == FlowPhase.Failed;
        status.Conditions =
        [
            Condition(FlowConditions.Ready, (phase is FlowPhase.Arming or FlowPhase.Running) && AllArmed(status), phase.ToString()!, previous, status, now),
            Condition(FlowConditions.Progressing, !IsFinal(phase), phase.ToString()!, previous, status, now),
            Condition(FlowConditions.Failed, failed, failed ? "AgentFailed" : phase.ToString()!, previous, status, now),
        ];
        return status;
    }

    private static bool AllArmed(TrafficFlowStatus status) =>
        status.Agents is { Count: > 0 } agents && agents.All(a => a.State is Contract.AgentState.Armed or Contract.AgentState.Running);

    private static V1Condition Condition(string type, bool value, string reason, TrafficFlowStatus? previous, TrafficFlowStatus status, DateTimeOffset now)
    {
        string text = value ? "True" : "False";
        var before = previous?.Conditions?.FirstOrDefault(c => c.Type == type);
        return new V1Condition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = status.Message ?? "",
            ObservedGeneration = status.ObservedGeneration,
            LastTransitionTime = before?.Status == text ? before.LastTransitionTime : now.UtcDateTime,
        };
    }
}
