using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

/// <summary>The <c>flowgen udp</c> options a flow sets once for all of its agents.</summary>
/// <remarks>
/// Values that have a shape are typed (ports, sizes, the VLAN tag), so the API server checks them and
/// kubectl explain shows them; address ranges stay text in the CLI's FIRST-LAST or ADDR/PREFIX form, which
/// users already write for addresses (CIDR), checked by a pattern here and by the contract in FlowJobs.
/// </remarks>
[AtMostOneOf(nameof(PacketSize), nameof(PacketSizes), nameof(SizeProfile))]
public sealed class UdpFlow
{
    [Pattern(Patterns.Mac), Description("Destination MAC. Default: the node's neighbour entry for dstAddress (or its gateway).")]
    public string? DstMac { get; set; }

    [Required, Pattern(Patterns.Ipv4, Patterns.Ipv6, Patterns.Ipv4Range, Patterns.Ipv6Range),
     Description("Destination IPv4 or IPv6 address; or a range, FIRST-LAST (198.18.0.2-198.18.0.9) or ADDR/PREFIX (198.18.1.0/24), " +
        "whose addresses the frames take in turn (see flowOrder). Only the last 32 bits vary: an IPv6 range is at most a /96.")]
    public string DstAddress { get; set; } = "";

    [Pattern(Patterns.Ipv4, Patterns.Ipv6, Patterns.Ipv4Range, Patterns.Ipv6Range),
     Description("Source address, same family as dstAddress, or a range like dstAddress's. Default: the interface's address.")]
    public string? SrcAddress { get; set; }

    [Default, Range(0, ushort.MaxValue), Description("Destination UDP port.")]
    public int DstPort { get; set; } = UdpJob.DefaultPort;

    [Default, Range(0, ushort.MaxValue), Description("Source UDP port.")]
    public int SrcPort { get; set; } = UdpJob.DefaultPort;

    [Default, Range(0, ushort.MaxValue + 1), Description("Send to this many destination ports, dstPort upwards; 0: dstPort only.")]
    public int DynamicPorts { get; set; }

    [Range(FrameSizes.EthernetMinimumWire, FrameSizes.MaxWireSize),
     Description("Frame size on the wire, 4-byte FCS included. Default: the smallest, 64 (IPv4) or 66 (IPv6).")]
    public int? PacketSize { get; set; }

    [Pattern(Patterns.Rate),
     Description("Send rate of each agent (all its threads together), as flowgen udp --rate takes it: packets/s like 50k or 2.5M, "
        + "or bits/s of frames on the wire (FCS included) like 800Mbit or 10Gbit; at least 1k packets/s. "
        + "Changing it on a Running flow changes the agents' rate in place (POST /v1/rate) when both old and new set one. "
        + "Default: as fast as the agents go.")]
    public string? Rate { get; set; }

    [Default, Range(1, byte.MaxValue), Description("IPv4 TTL or IPv6 hop limit.")]
    public int HopLimit { get; set; } = UdpJob.DefaultHopLimit;

    [Default, Range(1, UdpJob.MaxBatchSize), Description("Frames per kernel batch.")]
    public int BatchSize { get; set; } = UdpJob.DefaultBatchSize;

    [Pattern(Patterns.Hex), MaxLength(2 * FrameSizes.MaximumUdpPayload), Description("Payload filled by repeating these bytes, as hex, e.g. deadbeef.")]
    public string? PayloadHex { get; set; }

    [Default, Description("Measure round trips of probes a `flowgen reflect` at the destination sends back (implies stamping: " +
        "packetSize at least 86 for IPv4, 106 for IPv6). Each agent reports min, mean, p50, p99, p99.9 and max in its status entry " +
        "and the histogram flowgen_latency_rtt_seconds on /metrics.")]
    public bool Latency { get; set; }

    [Range(0, ushort.MaxValue),
     Description("Last source port of a range srcPort to srcEndPort, both included (like a NetworkPolicy's endPort). Default: srcPort only.")]
    public int? SrcEndPort { get; set; }

    [Range(0, ushort.MaxValue),
     Description("Last destination port of a range dstPort to dstEndPort, both included; the same as dynamicPorts " +
        "dstEndPort - dstPort + 1, so give one of the two. Default: dstPort only (or dynamicPorts).")]
    public int? DstEndPort { get; set; }

    [Default, Description("With more than one flow (address or port ranges; each combination is a flow): Sequential, each " +
        "sending thread goes through the flows in turn; Random, each frame picks one.")]
    public FlowOrder FlowOrder { get; set; } = FlowOrder.Sequential;

    [MinCount(2), MaxCount(FrameSizeMix.MaxSizes),
     Description("Frame sizes mixed per frame, each with a weight, e.g. [{size: 64, weight: 7}, {size: 1518, weight: 1}]; " +
        "2 to 8 different sizes. Instead of packetSize or sizeProfile.")]
    public List<PacketSizeWeight>? PacketSizes { get; set; }

    [Description("A named mix of frame sizes, instead of packetSize or packetSizes. IMIX: 7:4:1 of 64, 594 and 1518 bytes " +
        "(64 is sent as 66 over IPv6, 1518 as the largest frame the interface's MTU allows).")]
    public SizeProfile? SizeProfile { get; set; }

    [Description("Tag every frame with this 802.1Q VLAN ID and priority. Default: untagged.")]
    public VlanTagSpec? Vlan { get; set; }

    [Default, Description("Write a probe header (magic, stream, flow, sequence, send time) at the start of each payload, " +
        "which `flowgen sink` and `flowgen reflect` read; frames of at least 86 bytes (IPv6: 106), at most 65536 flows. " +
        "latency implies it.")]
    public bool Stamp { get; set; }
}
