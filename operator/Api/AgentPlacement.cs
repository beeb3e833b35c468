using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;
using k8s.Models;

namespace Flowgen.Operator.Api;

/// <summary>Where the agents run, and how their pods look.</summary>
[ExactlyOneOf($"{nameof(NodeSelector)} {nameof(Interface)}", nameof(Targets))]
public sealed class AgentPlacement
{
    public const string DefaultImage = "ghcr.io/flowgen/agent:latest";

    [MinCount(1), Description("Run agents on nodes with these labels (with interface); or give targets.")]
    public IDictionary<string, string>? NodeSelector { get; set; }

    [Pattern(Patterns.InterfaceName), Description("Egress interface on every selected node.")]
    public string? Interface { get; set; }

    [MinCount(1), Description("Agents placed by hand, one per entry; instead of nodeSelector and interface.")]
    public IList<AgentTarget>? Targets { get; set; }

    [Minimum(1), Description("With nodeSelector: at most this many agents, on that many matching nodes. Default: every matching node.")]
    public int? MaxAgents { get; set; }

    [Default, Range(1, UdpJob.MaxThreads), Description("Sending threads per agent.")]
    public int Threads { get; set; } = UdpJob.DefaultThreads;

    [Description("Tolerations of the agent pods.")]
    public IList<V1Toleration>? Tolerations { get; set; }

    [Description("Resources of the agent container.")]
    public V1ResourceRequirements? Resources { get; set; }

    [Description("Agent container image. Default: the operator's --agent-image.")]
    public string? Image { get; set; }

    [Default, Description("Run agents privileged; otherwise with only the capabilities they need (CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN).")]
    public bool Privileged { get; set; }
}
