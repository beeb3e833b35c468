using System.Globalization;
using k8s.Models;

namespace Flowgen.Operator.Agents;

/// <summary>
/// Renders the pod that runs one agent: host network (the agent drives the node's NIC), pinned to
/// its node by node affinity, never restarted (a run is one-shot), the flow's token mounted from
/// its Secret, owned by the TrafficFlow so deleting the flow deletes the pod.
/// </summary>
internal static class AgentPodRenderer
{
    public const string ContainerName = "agent";
    public const string TokenDirectory = "/var/run/flowgen";
    public const string TokenKey = "token";
    public const string ControlPortName = "control";
    private const string TokenVolume = "flow-token";

    /// <summary>
    /// What live frames need without full privilege: BPF (load programs, BPF_PROG_RUN), PERFMON
    /// (tracepoint programs), NET_ADMIN (XDP attach, neighbour table). The agent checks these itself.
    /// </summary>
    public static readonly IReadOnlyList<string> MinimalCapabilities = ["BPF", "PERFMON", "NET_ADMIN"];

    public static V1Pod Render(AgentPodRequest request)
    {
        string port = request.Agent.Port.ToString(CultureInfo.InvariantCulture);
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = AgentPodName.For(request.FlowName, request.Node, request.Interface),
                NamespaceProperty = request.FlowNamespace,
                Labels = new Dictionary<string, string>
                {
                    [AgentPodLabels.Name] = AgentPodLabels.NameValue,
                    [AgentPodLabels.ManagedBy] = AgentPodLabels.ManagedByValue,
                    [AgentPodLabels.Flow] = request.FlowName,
                },
                Annotations = new Dictionary<string, string>
                {
                    [AgentPodLabels.Node] = request.Node,
                    [AgentPodLabels.Interface] = request.Interface,
                    [AgentPodLabels.ControlPort] = port,
                },
                OwnerReferences = [FlowOwner(request)],
            },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                HostNetwork = true,
                DnsPolicy = "ClusterFirstWithHostNet",
                Affinity = OnNode(request.Node),
                Tolerations = request.Tolerations,
                Containers = [Container(request, port)],
                Volumes = [new V1Volume { Name = TokenVolume, Secret = new V1SecretVolumeSource { SecretName = request.TokenSecretName } }],
            },
        };
    }

    private static V1OwnerReference FlowOwner(AgentPodRequest request) => new()
    {
        ApiVersion = "flowgen.dev/v1alpha1",
        Kind = "TrafficFlow",
        Name = request.FlowName,
        Uid = request.FlowUid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    private static V1Affinity OnNode(string node) => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms =
                [
                    new V1NodeSelectorTerm
                    {
                        MatchFields = [new V1NodeSelectorRequirement { Key = "metadata.name", OperatorProperty = "In", Values = [node] }],
                    },
                ],
            },
        },
    };

    private static V1Container Container(AgentPodRequest request, string port)
    {
        IntOrString probePort = port;
        return new V1Container
        {
            Name = ContainerName,
            Image = request.Image,
            Args = [.. request.Agent.ToArguments()],
            Ports = [new V1ContainerPort { Name = ControlPortName, ContainerPort = request.Agent.Port, Protocol = "TCP" }],
            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/readyz", Port = probePort }, PeriodSeconds = 1 },
            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = probePort }, PeriodSeconds = 10 },
            Resources = request.Resources,
            SecurityContext = request.Privileged
                ? new V1SecurityContext { Privileged = true }
                : new V1SecurityContext
                {
                    Privileged = false,
                    AllowPrivilegeEscalation = false,
                    ReadOnlyRootFilesystem = true,
                    RunAsUser = 0,
                    Capabilities = new V1Capabilities { Drop = ["ALL"], Add = [.. MinimalCapabilities] },
                },
            VolumeMounts = [new V1VolumeMount { Name = TokenVolume, MountPath = TokenDirectory, ReadOnlyProperty = true }],
        };
    }
}
