using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Contract;

/// <summary>
/// One <c>flowgen udp</c> job: what to send, where and for how long. The command line
/// (<see cref="Parse"/>) and code such as the operator (then <see cref="Validate"/>) build it;
/// <see cref="ToArguments"/> renders it back, and <c>Parse(job.ToArguments())</c> equals the job.
/// </summary>
public sealed partial record UdpJob
{
    /// <summary>The discard port (RFC 863): traffic to it is meant to be thrown away.</summary>
    public const ushort DefaultPort = 9;

    public const int DefaultThreads = 1;
    public const int MaxThreads = 256;

    /// <inheritdoc cref="SharedJobOptions.DefaultBatchSize"/>
    public const int DefaultBatchSize = SharedJobOptions.DefaultBatchSize;

    public const int MaxBatchSize = SharedJobOptions.MaxBatchSize;
    public const byte DefaultHopLimit = 64;

    /// <summary>
    /// The most flows a stamping job can number (FLOWGEN_STAMP_MAX_FLOWS in bpf/flowgen.h): the
    /// generator keeps one probe sequence per flow and CPU.
    /// </summary>
    public const int MaxStampedFlows = 65536;

    private readonly int? frameSize;

    public static TimeSpan DefaultInterval => SharedJobOptions.DefaultInterval;

    /// <summary>Egress interface (the positional argument).</summary>
    public required string Interface { get; init; }

    /// <summary>Null: the neighbour table's entry for the destination (or its gateway).</summary>
    public PhysicalAddress? DestinationMac { get; init; }

    /// <summary>Null: the interface's MAC.</summary>
    public PhysicalAddress? SourceMac { get; init; }

    public required IPAddress Destination { get; init; }

    /// <summary>Destinations: <see cref="Destination"/> and the addresses after it in its low 32 bits.</summary>
    public long DestinationCount { get; init; } = 1;

    /// <summary>Null: the interface's address of the destination's family.</summary>
    public IPAddress? Source { get; init; }

    /// <summary>Sources: <see cref="Source"/> and the addresses after it in its low 32 bits (needs a Source).</summary>
    public long SourceCount { get; init; } = 1;

    /// <summary>Source ports: SourcePort to SourcePort + SourcePortCount - 1.</summary>
    public int SourcePortCount { get; init; } = 1;

    /// <summary>Each frame picks a random flow; false: each thread sends to the flows in turn.</summary>
    public bool RandomFlows { get; init; }

    /// <summary>An 802.1Q tag in every frame; null: untagged.</summary>
    public VlanTag? Vlan { get; init; }

    public ushort DestinationPort { get; init; } = DefaultPort;
    public ushort SourcePort { get; init; } = DefaultPort;

    /// <summary>Vary the destination port over [DestinationPort, DestinationPort + DynamicPorts); 0 = off.</summary>
    public int DynamicPorts { get; init; }

    /// <summary>Frames sent by all threads together before stopping; null = no limit.</summary>
    public long? Packets { get; init; }

    /// <summary>Target rate of all threads together; null = as fast as the engine goes.</summary>
    public SendRate? Rate { get; init; }

    /// <summary>How long to send before stopping; null = no limit.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>
    /// Frame size on the wire, FCS included. Unless set, the smallest frame for the
    /// destination's family (<see cref="FrameSizes.MinimumWireSize"/>): 64 for IPv4, 66 for IPv6.
    /// </summary>
    public int FrameSize
    {
        get => frameSize ?? FrameSizes.MinimumWireSize(Destination.AddressFamily, Vlan is not null);
        init => frameSize = value;
    }

    /// <summary>Sizes mixed per frame (-s 64:7,594:4,1518:1 or -s imix); null: every frame has <see cref="FrameSize"/>.</summary>
    public FrameSizeMix? SizeMix { get; init; }

    /// <summary>
    /// The mean frame on the wire (FCS included): <see cref="FrameSize"/>, or the mix's weighted mean
    /// for the destination's family at most <see cref="FrameSizes.MaxWireSize"/> (the agent lowers IMIX's
    /// largest further to the interface's MTU).
    /// </summary>
    public double MeanFrameSize =>
        SizeMix is { } mix ? FrameSizeMix.Mean(mix.For(Destination.AddressFamily, Vlan is not null, FrameSizes.MaxWireSize).Sizes) : FrameSize;

    /// <summary>The smallest frame the job sends.</summary>
    public int SmallestFrameSize => SizeMix?.Smallest ?? FrameSize;

    public int Threads { get; init; } = DefaultThreads;

    /// <summary>CPU for each thread, ascending, one per thread; null = the engine's choice.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>How often statistics are printed.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public byte HopLimit { get; init; } = DefaultHopLimit;

    /// <summary>Byte pattern repeated over the UDP payload; empty = the generator's default payload.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Write a probe header (bpf/flowgen.h, struct flowgen_probe) at the start of every payload.</summary>
    public bool Stamp { get; init; }

    /// <summary>Measure round trips of reflected probes (implies <see cref="Stamp"/>).</summary>
    public bool Latency { get; init; }

    /// <summary>With <see cref="Latency"/>: where to write the raw round trips as CSV at the end; null = nowhere.</summary>
    public string? LatencyLog { get; init; }

    /// <summary>The most raw round trips kept for --latency-log (FLOWGEN_LATENCY_MAX_SAMPLES).</summary>
    public const int MaxLatencySamples = 65536;

    /// <summary>Flows the job sends: every combination of its addresses and ports.</summary>
    /// <remarks>Saturates at long.MaxValue: the ranges of a job refused for too many flows can multiply past it.</remarks>
    public long FlowCount => (long)Math.Min((decimal)SourceCount * DestinationCount * SourcePortCount * Math.Max(1, DynamicPorts), long.MaxValue);

    /// <summary>The most flows one job can send: the generator numbers them with 32 bits.</summary>
    public const long MaxFlows = uint.MaxValue;

    /// <summary>Print statistics as JSON for machines.</summary>
    public bool Json { get; init; }

    // Written out because the generated equality compares lists and memory by reference.
    public bool Equals(UdpJob? other) =>
        other is not null
        && Interface == other.Interface
        && Equals(DestinationMac, other.DestinationMac)
        && Equals(SourceMac, other.SourceMac)
        && Destination.Equals(other.Destination)
        && Equals(Source, other.Source)
        && DestinationCount == other.DestinationCount
        && SourceCount == other.SourceCount
        && SourcePortCount == other.SourcePortCount
        && RandomFlows == other.RandomFlows
        && Equals(Vlan, other.Vlan)
        && DestinationPort == other.DestinationPort
        && SourcePort == other.SourcePort
        && DynamicPorts == other.DynamicPorts
        && Packets == other.Packets
        && Equals(Rate, other.Rate)
        && Duration == other.Duration
        && FrameSize == other.FrameSize
        && Equals(SizeMix, other.SizeMix)
        && Threads == other.Threads
        && (Cpus is null ? other.Cpus is null : other.Cpus is not null && Cpus.SequenceEqual(other.Cpus))
        && BatchSize == other.BatchSize
        && Interval == other.Interval
        && HopLimit == other.HopLimit
        && Payload.Span.SequenceEqual(other.Payload.Span)
        && Stamp == other.Stamp
        && Latency == other.Latency
        && LatencyLog == other.LatencyLog
        && Json == other.Json;

    public override int GetHashCode() =>
        HashCode.Combine(Interface, Destination, DestinationPort, DynamicPorts, Packets, Duration, FrameSize, Threads);

    /// <summary>The job as its canonical command line, e.g. <c>udp --dst-addr 198.18.0.2 eth0</c>.</summary>
    public override string ToString() => $"{Command} {string.Join(' ', ToArguments())}";
}
