using System.Text.Json.Nodes;
using Flowgen.Operator.Kubernetes;
using k8s.Models;

namespace Flowgen.Tests.Operator.Runtime;

public sealed class ObjectHelpersTests
{
    private static V1Pod Owner(string uid) => new()
    {
        ApiVersion = "flowgen.dev/v1alpha1",
        Kind = "TrafficFlow",
        Metadata = new V1ObjectMeta { Name = "blast", NamespaceProperty = "lab", Uid = uid },
    };

    [Fact]
    public void A_dependent_gets_exactly_one_controller_reference_that_blocks_owner_deletion()
    {
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "agent-n1", NamespaceProperty = "lab" } };

        OwnerReferences.SetController(pod.Metadata, Owner("u1"));
        OwnerReferences.SetController(pod.Metadata, Owner("u1"));

        var reference = Assert.Single(pod.Metadata.OwnerReferences);
        Assert.True(reference.Controller);
        Assert.True(reference.BlockOwnerDeletion);
        Assert.Equal(new ObjectKey("lab", "blast"), OwnerReferences.ControllerKey(pod, "flowgen.dev/v1alpha1", "TrafficFlow"));
        Assert.Null(OwnerReferences.ControllerKey(pod, "apps/v1", "ReplicaSet"));
        Assert.Throws<InvalidOperationException>(() => OwnerReferences.SetController(pod.Metadata, Owner("u2")));
    }

    [Fact]
    public void Finalizer_patches_carry_the_whole_list_and_the_resourceVersion_they_were_computed_from()
    {
        var flow = Owner("u1");
        flow.Metadata.ResourceVersion = "42";
        flow.Metadata.Finalizers = ["other.io/keep"];

        var add = Body(Finalizers.AddPatch(flow, "flowgen.dev/agents"));
        flow.Metadata.Finalizers = ["other.io/keep", "flowgen.dev/agents"];
        var remove = Body(Finalizers.RemovePatch(flow, "flowgen.dev/agents"));

        Assert.Equal("""{"metadata":{"finalizers":["other.io/keep","flowgen.dev/agents"],"resourceVersion":"42"}}""", add);
        Assert.Equal("""{"metadata":{"finalizers":["other.io/keep"],"resourceVersion":"42"}}""", remove);
        Assert.Null(Finalizers.AddPatch(flow, "flowgen.dev/agents"));
        Assert.Null(Finalizers.RemovePatch(flow, "absent"));
    }

    [Fact]
    public void Lease_transitions_count_only_changes_of_holder()
    {
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var first = LeaseRecord.Claim(null, "a", TimeSpan.FromSeconds(15), t0);
        var renewed = LeaseRecord.Claim(first, "a", TimeSpan.FromSeconds(15), t0.AddSeconds(2));
        var taken = LeaseRecord.Claim(renewed, "b", TimeSpan.FromSeconds(15), t0.AddSeconds(30));
        var released = LeaseRecord.Released(taken, t0.AddSeconds(31));

        Assert.Equal((0, t0, t0.AddSeconds(2)), (renewed.LeaseTransitions, renewed.AcquireTime, renewed.RenewTime));
        Assert.Equal((1, t0.AddSeconds(30), "b"), (taken.LeaseTransitions, taken.AcquireTime, taken.HolderIdentity));
        Assert.False(LeaseRecord.HeldByOther(released, "a"));
        Assert.True(LeaseRecord.HeldByOther(taken, "a"));
        Assert.Equal(1, released.LeaseDurationSeconds);
    }

    private static string Body(V1Patch? patch) => JsonNode.Parse((string)patch!.Content)!.ToJsonString();
}
