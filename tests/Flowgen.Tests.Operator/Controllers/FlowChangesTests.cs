using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Operator.Kubernetes;
using k8s.Models;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowChangesTests
{
    private static TrafficFlow Flow(long generation, DateTime? deleting = null, FlowPhase? phase = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "f", Generation = generation, DeletionTimestamp = deleting },
        Status = phase is null ? null : new TrafficFlowStatus { Phase = phase },
    };

    [Fact]
    public void A_status_write_of_our_own_needs_no_reconcile() =>
        Assert.False(FlowChanges.NeedReconcile(new(InformerEventType.Updated, Flow(1, phase: FlowPhase.Running), Flow(1, phase: FlowPhase.Arming))));

    [Fact]
    public void New_deleted_changed_and_deleting_flows_need_one()
    {
        Assert.True(FlowChanges.NeedReconcile(new(InformerEventType.Added, Flow(1))));
        Assert.True(FlowChanges.NeedReconcile(new(InformerEventType.Deleted, Flow(1))));
        Assert.True(FlowChanges.NeedReconcile(new(InformerEventType.Updated, Flow(2), Flow(1))));
        Assert.True(FlowChanges.NeedReconcile(new(InformerEventType.Updated, Flow(1, deleting: DateTime.UtcNow), Flow(1))));
    }
}
