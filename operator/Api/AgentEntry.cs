using System.ComponentModel;
using Flowgen.Contract;

namespace Flowgen.Operator.Api;

/// <summary>One agent in a TrafficFlow's status: where it runs and what it reported last.</summary>
public sealed class AgentEntry
{
    public string Node { get; set; } = "";

    public string Interface { get; set; } = "";

    [Description("The agent's pod.")]
    public string? Pod { get; set; }

    [Description("The agent's job state; absent until the agent first answers.")]
    public AgentState? State { get; set; }

    public long PacketsSent { get; set; }

    public long PacketsDropped { get; set; }

    public long Errors { get; set; }

    [Description("Mode tcp: data segments sent again.")]
    public long SegmentsResent { get; set; }

    [Description("Mode tcp: stream bytes the receiver acknowledged.")]
    public long BytesAcknowledged { get; set; }

    public double PacketsPerSecond { get; set; }

    [Description("Why the agent or its pod failed or stopped.")]
    public string? Reason { get; set; }
}
