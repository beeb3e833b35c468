using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Manifests.Templating;
using Flowgen.Operator.Agents;

namespace Flowgen.Manifests.Objects;

/// <summary>
/// prometheus-operator's scrape configuration: a PodMonitor for the agents, wherever their flows
/// live, and a ServiceMonitor for the operator. prometheus-operator labels targets with namespace,
/// pod and container; the relabeling adds node, which the dashboard groups by.
/// </summary>
internal static class Monitors
{
    public const string AgentsName = "flowgen-agents";

    public static Manifest Agents() => new("config/prometheus/agents_podmonitor.yaml", "podmonitor.yaml", new JsonObject
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "PodMonitor",
        ["metadata"] = ObjectMetadata.InRelease(AgentsName, Hole.Block("podMonitor.labels")),
        ["spec"] = new JsonObject
        {
            ["namespaceSelector"] = new JsonObject { ["any"] = true },
            ["selector"] = new JsonObject { ["matchLabels"] = Labels.AgentSelector() },
            ["podMetricsEndpoints"] = new JsonArray(new JsonObject
            {
                ["port"] = AgentPodRenderer.ControlPortName,
                ["path"] = "/metrics",
                ["interval"] = Hole.Value("podMonitor.interval"),
                ["relabelings"] = new JsonArray(new JsonObject
                {
                    ["action"] = "replace",
                    ["sourceLabels"] = new JsonArray("__meta_kubernetes_pod_node_name"),
                    ["targetLabel"] = "node",
                }),
            }),
        },
    }, EnabledBy: "podMonitor.enabled");

    public static Manifest Operator() => new("config/prometheus/operator_servicemonitor.yaml", "servicemonitor.yaml", new JsonObject
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "ServiceMonitor",
        ["metadata"] = ObjectMetadata.InRelease(Release.OperatorName, Hole.Block("serviceMonitor.labels")),
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["matchLabels"] = Labels.OperatorSelector() },
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["port"] = OperatorDeployment.MetricsPortName,
                ["path"] = "/metrics",
                ["interval"] = Hole.Value("serviceMonitor.interval"),
            }),
        },
    }, EnabledBy: "serviceMonitor.enabled");

    public static Manifest Alerts() => new("config/prometheus/prometheusrule.yaml", "prometheusrule.yaml", new JsonObject
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "PrometheusRule",
        ["metadata"] = ObjectMetadata.InRelease("flowgen-alerts", Hole.Block("prometheusRule.labels")),
        ["spec"] = Hole.YamlFile(AlertRulesFile.ChartFile),
    }, EnabledBy: "prometheusRule.enabled");
}
