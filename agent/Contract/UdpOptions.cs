using System.Net.Sockets;
using static Flowgen.Contract.UdpJob;
using UdpOption = Flowgen.Contract.JobOption<Flowgen.Contract.UdpJob>;

namespace Flowgen.Contract;

/// <summary>The single table the parser, the renderer and the help text all read.</summary>
internal static class UdpOptions
{
    public static readonly UdpOption DestinationAddress = new(
        new("dst-addr", 'a', "ADDR", "destination IPv4 or IPv6 address (required); or a range FIRST-LAST or ADDR/PREFIX"),
        (job, text, name) =>
        {
            var (first, count) = AddressRange.Parse(text, name);
            return job with { Destination = first, DestinationCount = count };
        },
        job => AddressRange.Format(job.Destination, job.DestinationCount));

    public static readonly UdpOption SourceAddress = new(
        new("src-addr", 'A', "ADDR", "source address, same family as ADDR, or a range FIRST-LAST or ADDR/PREFIX", "IFACE's address"),
        (job, text, name) =>
        {
            var (first, count) = AddressRange.Parse(text, name);
            return job with { Source = first, SourceCount = count };
        },
        job => job.Source is { } source ? AddressRange.Format(source, job.SourceCount) : null);

    public static readonly UdpOption DestinationMac = new(
        new("dst-mac", 'm', "MAC", "destination MAC", "from the neighbour table"),
        (job, text, name) => job with { DestinationMac = ValueParsers.Mac(text, name) },
        job => job.DestinationMac is { } mac ? ValueFormat.Mac(mac) : null);

    public static readonly UdpOption SourceMac = new(
        new("src-mac", 'M', "MAC", "source MAC", "IFACE's MAC"),
        (job, text, name) => job with { SourceMac = ValueParsers.Mac(text, name) },
        job => job.SourceMac is { } mac ? ValueFormat.Mac(mac) : null);

    public static readonly UdpOption DestinationPort = new(
        new("dst-port", 'p', "PORT", "destination UDP port, or a range FIRST-LAST (the same as -p FIRST -d COUNT)",
            ValueFormat.Integer(DefaultPort)),
        (job, text, name) =>
        {
            var (first, count) = ValueParsers.PortRange(text, name);
            return job with { DestinationPort = first, DynamicPorts = count > 1 ? count : job.DynamicPorts };
        },
        job => Unless(job.DestinationPort, DefaultPort));

    public static readonly UdpOption SourcePort = new(
        new("src-port", 'P', "PORT", "source UDP port, or a range FIRST-LAST", ValueFormat.Integer(DefaultPort)),
        (job, text, name) =>
        {
            var (first, count) = ValueParsers.PortRange(text, name);
            return job with { SourcePort = first, SourcePortCount = count };
        },
        job => job.SourcePortCount > 1
            ? $"{job.SourcePort}-{job.SourcePort + job.SourcePortCount - 1}"
            : Unless(job.SourcePort, DefaultPort));

    public static readonly UdpOption FlowOrder = new(
        new("flow-order", null, "ORDER", "seq: each thread sends to the flows in turn; random: each frame picks one", "seq"),
        (job, text, name) => job with { RandomFlows = ValueParsers.Choice(text, name, ["seq", "random"]) == "random" },
        job => job.RandomFlows ? "random" : null);

    public static readonly UdpOption Vlan = new(
        new("vlan", null, "ID[:PRIO]", "insert an 802.1Q tag: VLAN ID 1 to 4094, priority 0 to 7 (default 0)"),
        (job, text, name) => job with { Vlan = VlanTag.Parse(text, name) },
        job => job.Vlan?.ToString());

    public static readonly UdpOption DynamicPorts = new(
        new("dyn-ports", 'd', "N", "send to N destination ports, PORT to PORT+N-1", "0, one port"),
        (job, text, name) => job with { DynamicPorts = ValueParsers.Integer(text, name, 0, ushort.MaxValue + 1) },
        job => Unless(job.DynamicPorts, 0));

    public static readonly UdpOption Packets = new(
        new("num-packets", 'n', "COUNT", "stop after COUNT frames sent by all threads together; k, M, G allowed", "no limit"),
        (job, text, name) => job with { Packets = ValueParsers.Count(text, name, min: 1) },
        job => job.Packets is { } count ? ValueFormat.Integer(count) : null);

    public static readonly UdpOption Rate = new(
        new("rate", 'r', "RATE", "send at RATE, all threads together: packets/s like 50k or 2.5M, or bits/s of frames "
            + "on the wire (FCS included) like 800Mbit or 10Gbit; at least 1k packets/s", "as fast as possible"),
        (job, text, name) => job with { Rate = ValueParsers.Rate(text, name) },
        job => job.Rate?.ToString());

    public static readonly UdpOption Duration =
        SharedJobOptions.Duration<UdpJob>(job => job.Duration, (job, value) => job with { Duration = value });

    public static readonly UdpOption FrameSize = new(
        new("pkt-size", 's', "BYTES",
            $"frame size on the wire, 4-byte FCS included, at most {FrameSizes.MaxWireSize}; or sizes mixed per frame: "
            + $"SIZE:WEIGHT,… (e.g. 64:7,594:4,1518:1) or {FrameSizeMix.ImixName} (7:4:1 of 64, 594, 1518)",
            $"{FrameSizes.MinimumWireSize(AddressFamily.InterNetwork)} for IPv4, "
            + $"{FrameSizes.MinimumWireSize(AddressFamily.InterNetworkV6)} for IPv6"),
        (job, text, name) => FrameSizeMix.Parse(text, name) switch
        {
            null => job with
            {
                FrameSize = ValueParsers.Integer(text, name, FrameSizes.EthernetMinimumWire, FrameSizes.MaxWireSize), SizeMix = null,
            },
            { IsImix: false, Sizes.Count: 1 } one => job with { FrameSize = one.Largest, SizeMix = null },
            var mix => job with { SizeMix = mix },
        },
        job => job.SizeMix?.ToString() ?? Unless(job.FrameSize, FrameSizes.MinimumWireSize(job.Destination.AddressFamily, job.Vlan is not null)));

    public static readonly UdpOption HopLimit = new(
        new("hop-limit", 'l', "N", "IPv4 TTL or IPv6 hop limit, 1 to 255", ValueFormat.Integer(DefaultHopLimit)),
        (job, text, name) => job with { HopLimit = (byte)ValueParsers.Integer(text, name, 1, byte.MaxValue) },
        job => Unless(job.HopLimit, DefaultHopLimit));

    public static readonly UdpOption Payload = new(
        new("payload-hex", null, "HEX", "fill the payload by repeating these bytes, e.g. deadbeef"),
        (job, text, name) => job with { Payload = ValueParsers.Hex(text, name, FrameSizes.MaximumUdpPayload) },
        job => job.Payload.IsEmpty ? null : ValueFormat.Hex(job.Payload));

    public static readonly UdpOption Stamp = new(
        new("stamp", null, null,
            $"write a probe header (magic, stream, flow, sequence, send time) at the start of each payload; "
            + $"frames of at least {FrameSizes.MinimumStampedWireSize(AddressFamily.InterNetwork)} bytes (IPv6: "
            + $"{FrameSizes.MinimumStampedWireSize(AddressFamily.InterNetworkV6)}), at most {MaxStampedFlows} flows"),
        (job, _, _) => job with { Stamp = true },
        job => job.Stamp && !job.Latency ? "" : null);

    public static readonly UdpOption Latency = new(
        new("latency", null, null,
            "measure round trips (implies --stamp): a program on IFACE catches the probes `flowgen reflect` "
            + "sends back and reports min, mean, p50, p99, p99.9 and max"),
        (job, _, _) => job with { Latency = true, Stamp = true },
        job => job.Latency ? "" : null);

    public static readonly UdpOption LatencyLog = new(
        new("latency-log", null, "FILE",
            "with --latency: write each round trip (stream, flow, seq, sent, reflected and returned ns) to FILE as CSV at the end, "
            + $"the first {MaxLatencySamples}"),
        (job, text, name) => job with { LatencyLog = text.Length > 0 ? text : throw new UsageException($"{name} needs a file name") },
        job => job.LatencyLog);

    public static readonly UdpOption Threads = new(
        new("threads", 't', "N", $"sending threads, 1 to {MaxThreads}", $"{DefaultThreads}, or one per --cpus entry"),
        (job, text, name) => job with { Threads = ValueParsers.Integer(text, name, 1, MaxThreads) },
        job => Unless(job.Threads, job.Cpus?.Count ?? DefaultThreads));

    public static readonly UdpOption Cpus = SharedJobOptions.Cpus<UdpJob>(
        "pin the threads to these CPUs, one each, e.g. 0-3,6", job => job.Cpus, (job, value) => job with { Cpus = value });

    public static readonly UdpOption BatchSize =
        SharedJobOptions.BatchSize<UdpJob>(job => job.BatchSize, (job, value) => job with { BatchSize = value });

    public static readonly UdpOption Interval =
        SharedJobOptions.Interval<UdpJob>(job => job.Interval, (job, value) => job with { Interval = value });

    public static readonly UdpOption Json = SharedJobOptions.Json<UdpJob>(job => job.Json, job => job with { Json = true });

    public static readonly UdpOption Help = SharedJobOptions.Help<UdpJob>(Command);

    /// <summary>Help and canonical rendering both follow this order.</summary>
    public static readonly IReadOnlyList<UdpOption> All =
    [
        DestinationAddress, SourceAddress, DestinationMac, SourceMac, DestinationPort, SourcePort, DynamicPorts, FlowOrder, Vlan,
        Packets, Rate, Duration, FrameSize, HopLimit, Payload, Stamp, Latency, LatencyLog, Threads, Cpus, BatchSize, Interval, Json, Help,
    ];

    public static readonly ArgumentReader Reader = new(Command, All.Select(option => option.Spec));

    private static readonly Dictionary<OptionSpec, UdpOption> BySpec = All.ToDictionary(option => option.Spec);

    public static UdpOption For(OptionSpec spec) => BySpec[spec];

    private static string? Unless(long value, long @default) => value == @default ? null : ValueFormat.Integer(value);
}
