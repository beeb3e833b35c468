using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Tests.Operator.Integration;

namespace Flowgen.Tests.Operator.Rbac;

/// <summary>The ClusterRole grants what the operator's requests need, as recorded over a whole flow's life, and nothing else.</summary>
public sealed class OperatorRoleTests : OperatorTest
{
    /// <summary>Granted but not exercised by a flow's life in the emulator, each for a reason.</summary>
    private static readonly ApiPermission[] NotExercisedHere =
    [
        // Checked by the OwnerReferencesPermissionEnforcement admission plugin for pods with blockOwnerDeletion.
        new("flowgen.dev", "trafficflows/finalizers", "update"),
        // The leader elector's; its own tests run it against the emulator.
        new("coordination.k8s.io", "leases", "get"),
        new("coordination.k8s.io", "leases", "create"),
        new("coordination.k8s.io", "leases", "update"),
        // EventRecorder bumps an Event that repeats; no phase repeats in one run.
        new("", "events", "patch"),
    ];

    [Fact]
    public async Task The_role_grants_exactly_what_a_flows_life_needs()
    {
        var flow = TwoNodeFlow("life");
        flow.Spec.TtlSecondsAfterFinished = 0;
        await CreateAsync(flow);
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "both agents started");
        Kubelet.Report(AgentState.Succeeded, _ => 500);
        await Until(() => Flows.GetAsync(Ns, "life", CancellationToken.None), f => f is null, "flow deleted after its TTL");

        var used = Running!.Requests.Select(r => ApiPermission.Of(r.Method, r.Uri)).ToHashSet();
        var granted = OperatorRole.Grants();

        Assert.Empty(used.Except(granted).Select(p => p.ToString()));
        Assert.Empty(granted.Except(used).Except(NotExercisedHere).Select(p => p.ToString()));
    }
}
