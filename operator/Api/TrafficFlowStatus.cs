using System.ComponentModel;
using k8s.Models;

namespace Flowgen.Operator.Api;

[Description("What the operator observed: the run's phase, each agent, and the totals over all agents.")]
public sealed class TrafficFlowStatus
{
    public FlowPhase? Phase { get; set; }

    [Description("The spec generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    [Description("Ready: every agent is armed or sending. Progressing: the run is not over. Failed: it failed, and why.")]
    public IList<V1Condition>? Conditions { get; set; }

    [Description("Number of agents placed.")]
    public int AgentCount { get; set; }

    public IList<AgentEntry>? Agents { get; set; }

    public long PacketsSent { get; set; }

    public long PacketsDropped { get; set; }

    public long Errors { get; set; }

    [Description("Mode tcp: data segments sent again (lost on the way), all agents; included in packetsSent.")]
    public long SegmentsResent { get; set; }

    [Description("Mode tcp: stream bytes the receivers acknowledged, all agents.")]
    public long BytesAcknowledged { get; set; }

    public double PacketsPerSecond { get; set; }

    public double BitsPerSecond { get; set; }

    [Description("packetsPerSecond for people, e.g. 12.3 Mpps.")]
    public string? Rate { get; set; }

    [Description("When the agents were told to start.")]
    public DateTime? StartTime { get; set; }

    [Description("When the last agent finished.")]
    public DateTime? CompletionTime { get; set; }

    [Description("Why the flow is in its phase, for people.")]
    public string? Message { get; set; }
}
