using System.ComponentModel;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

/// <summary>One agent placed by hand: a node, its interface and, optionally, the next hop's MAC.</summary>
public sealed class AgentTarget
{
    [Required, Description("Name of the node the agent runs on.")]
    public string Node { get; set; } = "";

    [Required, Pattern(Patterns.InterfaceName), Description("Egress network interface on that node.")]
    public string Interface { get; set; } = "";

    [Pattern(Patterns.Mac), Description("Destination MAC for this agent; overrides spec.udp.dstMac.")]
    public string? DstMac { get; set; }
}
