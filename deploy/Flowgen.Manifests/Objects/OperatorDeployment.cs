using System.Globalization;
using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Manifests.Templating;
using Flowgen.Operator.Hosting;

namespace Flowgen.Manifests.Objects;

/// <summary>
/// The operator: non-root, read-only root filesystem (a writable /tmp for .NET), no capabilities,
/// probes on /healthz, the agent image it gives flows that name none. Replicas beyond one stand by
/// on the leader Lease (the pod name is the Lease identity).
/// </summary>
internal static class OperatorDeployment
{
    public const string MetricsPortName = "metrics";
    public const int NonRootUser = 65532; // the images' USER
    private const string Container = "operator";

    public static Manifest Build() => new("config/manager/manager.yaml", "deployment.yaml", new JsonObject
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = ObjectMetadata.InRelease(Release.OperatorName, Labels.Operator()),
        ["spec"] = new JsonObject
        {
            ["replicas"] = Hole.Value("operator.replicas"),
            ["selector"] = new JsonObject { ["matchLabels"] = Labels.OperatorSelector() },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = Labels.Operator() },
                ["spec"] = PodSpec(),
            },
        },
    });

    private static JsonObject PodSpec() => new()
    {
        ["serviceAccountName"] = Release.OperatorName,
        ["securityContext"] = new JsonObject
        {
            ["runAsNonRoot"] = true,
            ["runAsUser"] = NonRootUser,
            ["runAsGroup"] = NonRootUser,
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        },
        ["imagePullSecrets"] = Hole.Block("imagePullSecrets"),
        ["containers"] = new JsonArray(OperatorContainer()),
        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject() }),
        ["nodeSelector"] = Hole.Block("operator.nodeSelector"),
        ["tolerations"] = Hole.Block("operator.tolerations"),
        ["terminationGracePeriodSeconds"] = 30,
    };

    private static JsonObject OperatorContainer() => new()
    {
        ["name"] = Container,
        ["image"] = Hole.Text("{operator.image.repository}:{operator.image.tag}"),
        ["imagePullPolicy"] = Hole.Value("operator.image.pullPolicy"),
        ["args"] = new JsonArray(
            RunOptions.Command,
            "--port", RunOptions.DefaultPort.ToString(CultureInfo.InvariantCulture),
            "--agent-image", Hole.Text("{agent.image.repository}:{agent.image.tag}")),
        ["env"] = new JsonArray(new JsonObject
        {
            ["name"] = "POD_NAMESPACE", // the Lease's namespace
            ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.namespace" } },
        }),
        ["ports"] = new JsonArray(new JsonObject
        {
            ["name"] = MetricsPortName,
            ["containerPort"] = RunOptions.DefaultPort,
            ["protocol"] = "TCP",
        }),
        ["livenessProbe"] = Probe(periodSeconds: 10, failureThreshold: 3),
        ["readinessProbe"] = Probe(periodSeconds: 5, failureThreshold: 1),
        ["resources"] = Hole.Block("operator.resources"),
        ["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        },
        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" }),
    };

    private static JsonObject Probe(int periodSeconds, int failureThreshold) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = MetricsPortName },
        ["periodSeconds"] = periodSeconds,
        ["failureThreshold"] = failureThreshold,
    };
}
