using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

/// <summary>The <c>flowgen udp</c> options a flow sets once for all of its agents.</summary>
public sealed class UdpFlow
{
    [Pattern(Patterns.Mac), Description("Destination MAC. Default: the node's neighbour entry for dstAddress (or its gateway).")]
    public string? DstMac { get; set; }

    [Required, Pattern(Patterns.Ipv4, Patterns.Ipv6), Description("Destination IPv4 or IPv6 address.")]
    public string DstAddress { get; set; } = "";

    [Pattern(Patterns.Ipv4, Patterns.Ipv6), Description("Source address, same family as dstAddress. Default: the interface's address.")]
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
}
