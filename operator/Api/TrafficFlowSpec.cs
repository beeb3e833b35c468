using System.ComponentModel;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

[Description("What to send, from where, for how long.")]
[ExactlyOneOf(nameof(Duration), nameof(Packets))]
[ExactlyOneOf(nameof(Udp), nameof(Tcp))]
public sealed class TrafficFlowSpec
{
    [Required, Description("What the agents send.")]
    public FlowMode Mode { get; set; }

    [Required, Description("Where the agents run.")]
    public AgentPlacement Agents { get; set; } = new();

    [Description("Options of mode udp (and only with it).")]
    public UdpFlow? Udp { get; set; }

    [Description("Options of mode tcp (and only with it).")]
    public TcpFlow? Tcp { get; set; }

    [Pattern(Patterns.Duration), Description("Send for this long, e.g. 30s, 5m, 1h; or give packets.")]
    public string? Duration { get; set; }

    [Minimum(1), Description("Send this many frames per agent, all threads together (mode tcp: data segments, all flows together); or give duration.")]
    public long? Packets { get; set; }

    [Default, Description("Together: start all agents at one instant once every one is Armed. Immediately: each as soon as it is Armed.")]
    public StartPolicy StartPolicy { get; set; } = StartPolicy.Together;

    [Minimum(0), Description("Delete the TrafficFlow this many seconds after it finished. Default: keep it.")]
    public long? TtlSecondsAfterFinished { get; set; }
}
