using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Manifests.Templating;

namespace Flowgen.Manifests.Objects;

/// <summary>
/// The operator's identity and what it may do — what flowgen-operator calls, and nothing more
/// (tests/Flowgen.Tests.Operator/Rbac checks the role against the requests the code makes):
///   trafficflows            get (reconcile), list/watch (informer), patch (finalizer), delete (ttlSecondsAfterFinished)
///   trafficflows/status     patch (StatusWriter)
///   trafficflows/finalizers update (pods with blockOwnerDeletion on a flow, under OwnerReferencesPermissionEnforcement)
///   pods                    list/watch (informer, a flow's pods, ports in use per node), create, delete
///   secrets                 get, create (the per-flow agent token)
///   nodes                   list (placement)
///   events                  create, patch (EventRecorder bumps repeats)
///   leases                  get, create, update (LeaderElector)
/// </summary>
internal static class OperatorRbac
{
    public static Manifest ServiceAccount() => new("config/rbac/service_account.yaml", "serviceaccount.yaml", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = ObjectMetadata.InRelease(Release.OperatorName, Labels.Operator()),
    });

    public static Manifest ClusterRole() => new("config/rbac/role.yaml", "clusterrole.yaml", new JsonObject
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = ObjectMetadata.Cluster(Release.OperatorName, Labels.Operator()),
        ["rules"] = new JsonArray(
            Rule("flowgen.dev", "trafficflows", "get", "list", "watch", "patch", "delete"),
            Rule("flowgen.dev", "trafficflows/status", "patch"),
            Rule("flowgen.dev", "trafficflows/finalizers", "update"),
            Rule("", "pods", "list", "watch", "create", "delete"),
            Rule("", "secrets", "get", "create"),
            Rule("", "nodes", "list"),
            Rule("", "events", "create", "patch"),
            Rule("coordination.k8s.io", "leases", "get", "create", "update")),
    });

    public static Manifest ClusterRoleBinding() => new("config/rbac/role_binding.yaml", "clusterrolebinding.yaml", new JsonObject
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = ObjectMetadata.Cluster(Release.OperatorName, Labels.Operator()),
        ["roleRef"] = new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = "ClusterRole",
            ["name"] = Release.OperatorName,
        },
        ["subjects"] = new JsonArray(new JsonObject
        {
            ["kind"] = "ServiceAccount",
            ["name"] = Release.OperatorName,
            ["namespace"] = Hole.Value(Hole.ReleaseNamespace),
        }),
    });

    private static JsonObject Rule(string group, string resource, params string[] verbs) => new()
    {
        ["apiGroups"] = new JsonArray(group),
        ["resources"] = new JsonArray(resource),
        ["verbs"] = new JsonArray([.. verbs.Select(v => JsonValue.Create(v))]),
    };
}
