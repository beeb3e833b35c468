using Flowgen.Contract;

namespace Flowgen.Cli;

/// <summary>`flowgen reflect` options.</summary>
internal sealed record ReflectOptions(string Interface, TimeSpan Interval, TimeSpan? Duration, bool Json)
{
    private static readonly OptionSpec[] All =
        [ReportingOptions.Interval, ReportingOptions.Duration, ReportingOptions.Json, OptionSpec.Help];

    public static string Help => HelpFormatter.Format(
        "flowgen reflect [options] IFACE",
        "Sends every probe (flowgen udp --latency) arriving on IFACE back the way it came, with an XDP\n" +
        "program: MACs, IP addresses and UDP ports swapped, its reflect time stamped. Everything else\n" +
        "passes to the stack untouched. The program is detached when flowgen ends.",
        [("IFACE", "the interface the probes arrive on")],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args) => ReportingOptions.RequestsHelp(args);

    public static ReflectOptions Parse(IReadOnlyList<string> args)
    {
        string? iface = null;
        var options = new ReflectOptions(string.Empty, ReportingOptions.DefaultInterval, null, false);
        foreach (ParsedArgument arg in new ArgumentReader("reflect", All).Read(args))
        {
            if (arg.Option is null)
            {
                iface = iface is null ? ValueParsers.InterfaceName(arg.Value!)
                    : throw new UsageException($"unexpected argument '{arg.Value}': reflect takes one interface");
                continue;
            }
            options = arg.Option == ReportingOptions.Interval ? options with { Interval = ValueParsers.Duration(arg.Value!, arg.Option.DisplayName) }
                : arg.Option == ReportingOptions.Duration ? options with { Duration = ValueParsers.Duration(arg.Value!, arg.Option.DisplayName) }
                : arg.Option == ReportingOptions.Json ? options with { Json = true }
                : throw new UsageException($"{arg.Option.DisplayName} is not a reflect option");
        }
        return options with { Interface = iface ?? throw new UsageException("missing interface: flowgen reflect [options] IFACE") };
    }
}
