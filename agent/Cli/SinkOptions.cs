using System.Net;
using Flowgen.Contract;

namespace Flowgen.Cli;

/// <summary>`flowgen sink` options.</summary>
internal sealed record SinkOptions(string Interface, bool Pass, bool Verify, TimeSpan Interval, TimeSpan? Duration, bool Json)
{
    /// <summary>Count arrivals into time bins this long and print them at the end; null: no timeline.</summary>
    public TimeSpan? TimelineBin { get; init; }

    /// <summary>Serve Prometheus /metrics on this port while the sink runs; null: no server.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>The address the metrics server listens on; null: every address.</summary>
    public IPAddress? MetricsBind { get; init; }

    private static readonly OptionSpec PassOption = new("pass", null, null, "pass counted frames to the stack instead of dropping them");
    private static readonly OptionSpec VerifyOption = new("verify", null, null,
        "check the sequence numbers of probes (flowgen udp --stamp): received, lost, duplicated and reordered per flow");
    private static readonly OptionSpec TimelineOption = new("timeline", null, "BIN",
        "count arrivals in time bins of BIN (e.g. 10ms, at least 1ms) from the start and print them at the end", "off");
    private static readonly OptionSpec MetricsPortOption = new("metrics-port", null, "PORT",
        "serve Prometheus /metrics on PORT while running: frames and bytes received, with --verify the probe counts", "off");
    private static readonly OptionSpec MetricsBindOption = new("metrics-bind", null, "ADDR", "address the metrics server listens on", "all addresses");
    private static readonly OptionSpec IntervalOption = ReportingOptions.Interval;
    private static readonly OptionSpec DurationOption = ReportingOptions.Duration;
    private static readonly OptionSpec JsonOption = ReportingOptions.Json;
    private static readonly OptionSpec[] All = [PassOption, VerifyOption, TimelineOption, MetricsPortOption, MetricsBindOption, IntervalOption, DurationOption, JsonOption, OptionSpec.Help];

    public static string Help => HelpFormatter.Format(
        "flowgen sink [options] IFACE",
        "Counts test traffic (IPv4 and IPv6 UDP) arriving on IFACE with an XDP program, and drops it\n" +
        "(or passes it with --pass). ARP, neighbour discovery and all other traffic pass untouched.\n" +
        "With --verify it follows each probe sequence (stream, flow) of a stamping generator: a gap\n" +
        "counts as lost until the missing packet arrives late (then it counts as reordered); a packet\n" +
        "seen before is a duplicate. Losses after a sequence's last received packet are invisible to a\n" +
        "receiver: compare the expected count (highest seq + 1) with what the generator sent. One sink\n" +
        "verifies one run: restart it between runs.",
        [("IFACE", "the receiving interface")],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args) => ReportingOptions.RequestsHelp(args);

    public static SinkOptions Parse(IReadOnlyList<string> args)
    {
        string? iface = null;
        var options = new SinkOptions(string.Empty, false, false, ReportingOptions.DefaultInterval, null, false);
        foreach (ParsedArgument arg in new ArgumentReader("sink", All).Read(args))
        {
            if (arg.Option is null)
            {
                iface = iface is null ? ValueParsers.InterfaceName(arg.Value!)
                    : throw new UsageException($"unexpected argument '{arg.Value}': sink takes one interface");
                continue;
            }
            options = arg.Option == PassOption ? options with { Pass = true }
                : arg.Option == VerifyOption ? options with { Verify = true }
                : arg.Option == TimelineOption ? options with { TimelineBin = ParseTimelineBin(arg.Value!) }
                : arg.Option == MetricsPortOption ? options with { MetricsPort = ValueParsers.Integer(arg.Value!, MetricsPortOption.DisplayName, 1, ushort.MaxValue) }
                : arg.Option == MetricsBindOption ? options with { MetricsBind = ValueParsers.Address(arg.Value!, MetricsBindOption.DisplayName) }
                : arg.Option == IntervalOption ? options with { Interval = ValueParsers.Duration(arg.Value!, IntervalOption.DisplayName) }
                : arg.Option == DurationOption ? options with { Duration = ValueParsers.Duration(arg.Value!, DurationOption.DisplayName) }
                : arg.Option == JsonOption ? options with { Json = true }
                : throw new UsageException($"{arg.Option.DisplayName} is not a sink option");
        }
        if (options.MetricsBind is not null && options.MetricsPort is null)
            throw new UsageException($"{MetricsBindOption.DisplayName} needs {MetricsPortOption.DisplayName}: give the port to serve /metrics on");
        return options with { Interface = iface ?? throw new UsageException("missing interface: flowgen sink [options] IFACE") };
    }

    private static readonly TimeSpan ShortestTimelineBin = TimeSpan.FromMilliseconds(1);

    private static TimeSpan ParseTimelineBin(string text)
    {
        TimeSpan bin = ValueParsers.Duration(text, TimelineOption.DisplayName);
        return bin >= ShortestTimelineBin ? bin
            : throw new UsageException($"invalid value '{text}' for {TimelineOption.DisplayName}: bins are at least 1ms");
    }
}
