using Flowgen.Contract;
using Flowgen.Operator.Api;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Api;

/// <summary>TrafficFlows for tests: the sample manifests of config/samples, and one with a status.</summary>
internal static class SampleFlows
{
    public static TrafficFlow Load(string file) => KubernetesYaml.Deserialize<TrafficFlow>(File.ReadAllText(file));

    public static TheoryData<string> Files => [.. RepoFiles.Samples.Select(Path.GetFileName).OfType<string>()];

    public static string PathOf(string name) => Path.Combine(RepoFiles.Root, "config", "samples", name);

    public static TrafficFlow Running() => new()
    {
        Metadata = new V1ObjectMeta { Name = "running", NamespaceProperty = "default", Generation = 2 },
        Spec = Load(PathOf("udp-targets.yaml")).Spec,
        Status = new TrafficFlowStatus
        {
            Phase = FlowPhase.Running,
            ObservedGeneration = 2,
            Conditions =
            [
                new V1Condition
                {
                    Type = FlowConditions.Ready, Status = "True", Reason = "AgentsArmed", Message = "All agents armed",
                    LastTransitionTime = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                },
            ],
            AgentCount = 2,
            Agents =
            [
                new AgentEntry { Node = "worker-1", Interface = "ens1f0", Pod = "running-worker-1", State = AgentState.Running, PacketsSent = 123, PacketsPerSecond = 8.1e6 },
                new AgentEntry { Node = "worker-2", Interface = "ens1f1", Pod = "running-worker-2", State = AgentState.Armed },
            ],
            PacketsSent = 123,
            PacketsPerSecond = 8.1e6,
            BitsPerSecond = 8.1e6 * 128 * 8,
            Rate = PacketRate.Format(8.1e6),
            StartTime = new DateTime(2025, 1, 2, 3, 4, 6, DateTimeKind.Utc),
        },
    };
}
