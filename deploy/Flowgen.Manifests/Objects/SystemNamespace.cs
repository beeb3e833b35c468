using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;

namespace Flowgen.Manifests.Objects;

/// <summary>
/// kustomize's namespace for the operator (the chart installs into the release's namespace, created
/// with --create-namespace). The operator meets the restricted Pod Security Standard; agent pods run
/// in the flows' own namespaces, not here.
/// </summary>
internal static class SystemNamespace
{
    public static Manifest Build() => new("config/manager/namespace.yaml", null, new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = Release.DefaultNamespace,
            ["labels"] = new JsonObject
            {
                ["app.kubernetes.io/part-of"] = Release.PartOf,
                ["pod-security.kubernetes.io/enforce"] = "restricted",
            },
        },
    });
}
