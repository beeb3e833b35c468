using static Flowgen.Contract.TcpJob;
using TcpOption = Flowgen.Contract.JobOption<Flowgen.Contract.TcpJob>;

namespace Flowgen.Contract;

/// <summary>The single table the <c>flowgen tcp</c> parser, renderer and help text all read.</summary>
internal static class TcpOptions
{
    public static readonly TcpOption Interface = new(
        new("interface", 'i', "IFACE", "interface the connections leave from (required)"),
        (job, text, _) => job with { Interface = ValueParsers.InterfaceName(text) },
        job => job.Interface);

    public static readonly TcpOption Port = new(
        new("port", 'p', "PORT", "the receiver's TCP port, 1 to 65535", ValueFormat.Integer(DefaultPort)),
        (job, text, name) => job with { Port = (ushort)ValueParsers.Integer(text, name, 1, ushort.MaxValue) },
        job => job.Port == DefaultPort ? null : ValueFormat.Integer(job.Port));

    public static readonly TcpOption Segments = new(
        new("segments", 'n', "COUNT", "stop after COUNT data segments over all flows; k, M, G allowed", "no limit"),
        (job, text, name) => job with { Segments = ValueParsers.Count(text, name, min: 1) },
        job => job.Segments is { } count ? ValueFormat.Integer(count) : null);

    public static readonly TcpOption Bytes = new(
        new("bytes", null, "COUNT",
            "stop after COUNT stream bytes over all flows, rounded up to whole segments; k, M, G allowed (powers of 1000)",
            "no limit"),
        (job, text, name) => job with { Bytes = ValueParsers.Count(text, name, min: 1) },
        job => job.Bytes is { } count ? ValueFormat.Integer(count) : null);

    public static readonly TcpOption Duration =
        SharedJobOptions.Duration<TcpJob>(job => job.Duration, (job, value) => job with { Duration = value });

    public static readonly TcpOption ConnectTimeout = new(
        new("connect-timeout", null, "TIME", "give up on a connection whose handshake takes longer",
            ValueFormat.Duration(DefaultConnectTimeout)),
        (job, text, name) => job with { ConnectTimeout = ValueParsers.Duration(text, name) },
        job => job.ConnectTimeout == DefaultConnectTimeout ? null : ValueFormat.Duration(job.ConnectTimeout));

    public static readonly TcpOption Flows = new(
        new("flows", null, "N", $"connections to open, one flow each, 1 to {MaxFlows}", ValueFormat.Integer(DefaultFlows)),
        (job, text, name) => job with { Flows = ValueParsers.Integer(text, name, 1, MaxFlows) },
        job => job.Flows == DefaultFlows ? null : ValueFormat.Integer(job.Flows));

    public static readonly TcpOption PayloadFile = new(
        new("payload-file", null, "FILE", "send this file's bytes, repeated, instead of the pattern",
            "a pattern that encodes each record's stream offset"),
        (job, text, name) => job with { PayloadFile = text.Length > 0 ? text : throw new UsageException($"{name} needs a file name") },
        job => job.PayloadFile);

    public static readonly TcpOption Cpus = SharedJobOptions.Cpus<TcpJob>(
        "one sending thread pinned to each of these CPUs, e.g. 0-1", job => job.Cpus, (job, value) => job with { Cpus = value });

    public static readonly TcpOption BatchSize =
        SharedJobOptions.BatchSize<TcpJob>(job => job.BatchSize, (job, value) => job with { BatchSize = value });

    public static readonly TcpOption Interval =
        SharedJobOptions.Interval<TcpJob>(job => job.Interval, (job, value) => job with { Interval = value });

    public static readonly TcpOption Json = SharedJobOptions.Json<TcpJob>(job => job.Json, job => job with { Json = true });

    public static readonly TcpOption Help = SharedJobOptions.Help<TcpJob>(Command);

    /// <summary>Help and canonical rendering both follow this order.</summary>
    public static readonly IReadOnlyList<TcpOption> All =
    [
        Interface, Port, Segments, Bytes, Duration, ConnectTimeout, Flows, PayloadFile, Cpus, BatchSize, Interval, Json, Help,
    ];

    /// <summary>The limits of which a job takes at most one.</summary>
    public static readonly IReadOnlyList<TcpOption> Limits = [Segments, Bytes, Duration];

    public static readonly ArgumentReader Reader = new(Command, All.Select(option => option.Spec));

    private static readonly Dictionary<OptionSpec, TcpOption> BySpec = All.ToDictionary(option => option.Spec);

    public static TcpOption For(OptionSpec spec) => BySpec[spec];
}
