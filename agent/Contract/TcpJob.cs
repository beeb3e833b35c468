using System.Net;

namespace Flowgen.Contract;

/// <summary>
/// One <c>flowgen tcp</c> job: which host and port to stream to, from which interface, how much
/// and with what payload. The command line (<see cref="Parse"/>) and code such as the operator
/// (then <see cref="Validate"/>) build it; <see cref="ToArguments"/> renders it back, and
/// <c>Parse(job.ToArguments())</c> equals the job.
/// </summary>
public sealed partial record TcpJob
{
    /// <summary>iperf3's port: the usual place a test receiver listens.</summary>
    public const ushort DefaultPort = 5201;

    public const int DefaultFlows = 1;
    public const int MaxFlows = 64;

    /// <summary>Sending threads, one per --cpus entry.</summary>
    public const int MaxThreads = 256;

    public const int DefaultBatchSize = SharedJobOptions.DefaultBatchSize;
    public const int MaxBatchSize = SharedJobOptions.MaxBatchSize;

    public static TimeSpan DefaultInterval => SharedJobOptions.DefaultInterval;

    public static TimeSpan DefaultConnectTimeout => TimeSpan.FromSeconds(3);

    /// <summary>Interface the connections leave from (-i).</summary>
    public required string Interface { get; init; }

    /// <summary>The receiving host (the positional argument), an IPv4 or IPv6 literal.</summary>
    public required IPAddress Destination { get; init; }

    public ushort Port { get; init; } = DefaultPort;

    /// <summary>Data segments to send over all flows together; null = no such limit.</summary>
    public long? Segments { get; init; }

    /// <summary>Stream bytes over all flows together, rounded up to whole segments; null = no such limit.</summary>
    public long? Bytes { get; init; }

    /// <summary>How long to send before the clean end; null = no such limit.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How long the kernel's handshake may take per connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>Connections, one flow each.</summary>
    public int Flows { get; init; } = DefaultFlows;

    /// <summary>The same as <see cref="Flows"/>: one flow per connection.</summary>
    public long FlowCount => Flows;

    /// <summary>File whose bytes are the stream, repeated; null = the offset-encoding default pattern.</summary>
    public string? PayloadFile { get; init; }

    /// <summary>CPU for each sending thread, ascending; null = the engine's choice.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>How often statistics are printed.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Print statistics as JSON for machines.</summary>
    public bool Json { get; init; }

    // Written out because the generated equality compares lists by reference.
    public bool Equals(TcpJob? other) =>
        other is not null
        && Interface == other.Interface
        && Destination.Equals(other.Destination)
        && Port == other.Port
        && Segments == other.Segments
        && Bytes == other.Bytes
        && Duration == other.Duration
        && ConnectTimeout == other.ConnectTimeout
        && Flows == other.Flows
        && PayloadFile == other.PayloadFile
        && (Cpus is null ? other.Cpus is null : other.Cpus is not null && Cpus.SequenceEqual(other.Cpus))
        && BatchSize == other.BatchSize
        && Interval == other.Interval
        && Json == other.Json;

    public override int GetHashCode() => HashCode.Combine(Interface, Destination, Port, Segments, Bytes, Duration, Flows);

    /// <summary>The job as its canonical command line, e.g. <c>tcp --interface eth0 198.18.0.2</c>.</summary>
    public override string ToString() => $"{Command} {string.Join(' ', ToArguments())}";
}
