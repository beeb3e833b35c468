using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>When a finished flow is to be deleted (ttlSecondsAfterFinished), or null to keep it.</summary>
internal static class FlowTtl
{
    public static DateTimeOffset? DeleteAt(TrafficFlow flow) =>
        flow.Spec.TtlSecondsAfterFinished is { } ttl
        && FlowStatuses.IsFinal(flow.Status?.Phase)
        && flow.Status?.CompletionTime is { } completed
            ? new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc)).AddSeconds(ttl)
            : null;
}
