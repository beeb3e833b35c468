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

    [Description("Mode udp with latency: the round trips of this agent's reflected probes so far.")]
    public LatencyStatus? Latency { get; set; }
}

/// <summary>One agent's round trips in microseconds (quantiles at most 1/32 above the true value).</summary>
public sealed class LatencyStatus
{
    [Description("Round trips measured.")]
    public long Samples { get; set; }

    public double MinUs { get; set; }

    public double MeanUs { get; set; }

    public double P50Us { get; set; }

    public double P99Us { get; set; }

    public double P999Us { get; set; }

    public double MaxUs { get; set; }
}
