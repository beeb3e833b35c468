using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Operator.Hosting;

namespace Flowgen.Manifests.Objects;

/// <summary>The operator's /metrics as a Service, for the ServiceMonitor (every replica, leader or not).</summary>
internal static class OperatorService
{
    public const string Name = $"{Release.OperatorName}-metrics";

    public static Manifest Build() => new("config/manager/service.yaml", "service.yaml", new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = ObjectMetadata.InRelease(Name, Labels.Operator()),
        ["spec"] = new JsonObject
        {
            ["selector"] = Labels.OperatorSelector(),
            ["ports"] = new JsonArray(new JsonObject
            {
                ["name"] = OperatorDeployment.MetricsPortName,
                ["port"] = RunOptions.DefaultPort,
                ["targetPort"] = OperatorDeployment.MetricsPortName,
                ["protocol"] = "TCP",
            }),
        },
    });
}
