using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Manifests.Templating;

namespace Flowgen.Manifests.Objects;

/// <summary>The Grafana dashboard as a ConfigMap that Grafana's dashboard sidecar picks up by its label.</summary>
internal static class DashboardConfigMap
{
    public const string ChartFile = "dashboards/flowgen.json";
    public const string SourceFile = "config/grafana/flowgen-dashboard.json";

    public static Manifest Build() => new("config/grafana/dashboard.yaml", "dashboard-configmap.yaml", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = ObjectMetadata.InRelease("flowgen-dashboard", Hole.Block("dashboard.labels")),
        ["data"] = new JsonObject { ["flowgen.json"] = Hole.TextFile(ChartFile) },
    }, EnabledBy: "dashboard.enabled");
}
