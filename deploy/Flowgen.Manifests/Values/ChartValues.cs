using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;

namespace Flowgen.Manifests.Values;

/// <summary>
/// Every setting of the chart. values.yaml and values.schema.json are written from this list, the
/// chart's templates refer to these paths, and kustomize's manifests take these defaults.
/// </summary>
public static class ChartValues
{
    public static IReadOnlyList<ChartValue> All { get; } =
    [
        Text("operator.image.repository", "ghcr.io/flowgen/operator", "Operator image, without tag."),
        Text("operator.image.tag", Release.AppVersion, "Operator image tag."),
        new("operator.image.pullPolicy", "IfNotPresent", OneOf("Always", "IfNotPresent", "Never"), "Pull policy of the operator image."),
        new("operator.replicas", 1, new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            "Operator replicas: one leads (a Lease), the others stand by and take over when it goes."),
        new("operator.resources", Parse("""{"requests":{"cpu":"50m","memory":"128Mi"},"limits":{"cpu":"500m","memory":"256Mi"}}"""),
            Map(), "Resources of the operator container."),
        new("operator.nodeSelector", new JsonObject(), StringMap(), "Node labels the operator pod must match."),
        new("operator.tolerations", new JsonArray(), ListOfMaps(), "Tolerations of the operator pod."),
        new("imagePullSecrets", new JsonArray(), ListOfMaps(), "Secrets for pulling the operator image ([{name: ...}])."),
        Text("agent.image.repository", "ghcr.io/flowgen/agent", "Agent image, without tag: the default for TrafficFlows that name none."),
        Text("agent.image.tag", Release.AppVersion, "Agent image tag."),
        Switch("podMonitor.enabled", false, "Create a PodMonitor (prometheus-operator) that scrapes every agent pod."),
        new("podMonitor.interval", "5s", Duration(), "Scrape interval of the agents."),
        new("podMonitor.labels", new JsonObject(), StringMap(), "Labels of the PodMonitor (e.g. the release label your Prometheus selects)."),
        Switch("serviceMonitor.enabled", false, "Create a ServiceMonitor (prometheus-operator) that scrapes the operator."),
        new("serviceMonitor.interval", "15s", Duration(), "Scrape interval of the operator."),
        new("serviceMonitor.labels", new JsonObject(), StringMap(), "Labels of the ServiceMonitor."),
        Switch("prometheusRule.enabled", false, "Create a PrometheusRule with Flowgen's alerts."),
        new("prometheusRule.labels", new JsonObject(), StringMap(), "Labels of the PrometheusRule."),
        Switch("dashboard.enabled", true, "Create a ConfigMap holding the Grafana dashboard (for Grafana's dashboard sidecar)."),
        new("dashboard.labels", Parse("""{"grafana_dashboard":"1"}"""), StringMap(),
            "Labels of the dashboard ConfigMap; Grafana's sidecar looks for grafana_dashboard by default."),
    ];

    /// <summary>The default of <paramref name="path"/>, a fresh copy.</summary>
    public static JsonNode? Default(string path) =>
        (All.FirstOrDefault(v => v.Path == path) ?? throw new KeyNotFoundException($"no chart value {path}")).Default?.DeepClone();

    /// <summary>Whether the default of <paramref name="path"/> is text (the chart quotes it).</summary>
    public static bool IsText(string path) => Default(path) is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String;

    private static ChartValue Text(string path, string value, string description) =>
        new(path, value, new JsonObject { ["type"] = "string", ["minLength"] = 1 }, description);

    private static ChartValue Switch(string path, bool value, string description) =>
        new(path, value, new JsonObject { ["type"] = "boolean" }, description);

    private static JsonObject OneOf(params string[] choices) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. choices.Select(c => JsonValue.Create(c))]) };

    private static JsonObject Duration() => new() { ["type"] = "string", ["pattern"] = "^([0-9]+(ms|s|m|h))+$" };

    private static JsonObject Map() => new() { ["type"] = "object" };

    private static JsonObject StringMap() => new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } };

    private static JsonObject ListOfMaps() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } };

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
