using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Which flow events call for a reconcile: new, deleted, spec changed, or deletion requested. The
/// operator's own status writes do not: each would trigger a reconcile that writes status again, at once.
/// </summary>
internal static class FlowChanges
{
    public static bool NeedReconcile(InformerEvent<TrafficFlow> e) =>
        e.Type != InformerEventType.Updated
        || e.Old is not { } old
        || old.Metadata.Generation != e.Object.Metadata.Generation
        || (old.Metadata.DeletionTimestamp is null && e.Object.Metadata.DeletionTimestamp is not null);
}
