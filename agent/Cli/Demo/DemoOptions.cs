using Flowgen.Contract;

namespace Flowgen.Cli.Demo;

/// <summary>`flowgen demo` options.</summary>
internal sealed record DemoOptions(TimeSpan Duration, int Threads, int? FrameSize, bool IPv6)
{
    private static readonly OptionSpec DurationOption = new("duration", null, "TIME", "how long to send", "5s");
    private static readonly OptionSpec ThreadsOption = new("threads", 't', "N", "generator threads", "1");
    private static readonly OptionSpec SizeOption = new("pkt-size", 's', "SIZE", "frame size on the wire, FCS included", "64, or 66 with --ipv6");
    private static readonly OptionSpec IPv6Option = new("ipv6", '6', null, "send IPv6 instead of IPv4");
    private static readonly OptionSpec[] All = [DurationOption, ThreadsOption, SizeOption, IPv6Option, OptionSpec.Help];

    /// <summary>The demo is a short show, not a load test: it stops by itself within this.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromMinutes(1);

    public static string Help => HelpFormatter.Format(
        "flowgen demo [options]",
        "Creates two test hosts (network namespaces joined by a veth pair, 198.18.0.1 and 198.18.0.2),\n" +
        "runs 'flowgen sink' on one and 'flowgen udp' on the other, shows both rates live and a summary,\n" +
        "then removes everything.",
        [],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args) => args.Contains("-h") || args.Contains("--help");

    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DemoOptions(TimeSpan.FromSeconds(5), 1, null, false);
        foreach (ParsedArgument arg in new ArgumentReader("demo", All).Read(args))
        {
            options = arg.Option == DurationOption ? options with { Duration = ValueParsers.Duration(arg.Value!, DurationOption.DisplayName) }
                : arg.Option == ThreadsOption ? options with { Threads = ValueParsers.Integer(arg.Value!, ThreadsOption.DisplayName, 1, Environment.ProcessorCount) }
                : arg.Option == SizeOption ? options with { FrameSize = ValueParsers.Integer(arg.Value!, SizeOption.DisplayName, FrameSizes.EthernetMinimumWire, FrameSizes.MaximumWireSize(1500)) }
                : arg.Option == IPv6Option ? options with { IPv6 = true }
                : throw new UsageException($"unexpected argument '{arg.Value}': see 'flowgen demo --help'");
        }
        if (options.Duration > LongestDuration)
            throw new UsageException($"--duration {ValueFormat.Duration(options.Duration)} is longer than the demo's limit of 1m: use 'flowgen udp' for long runs");
        return options;
    }
}
