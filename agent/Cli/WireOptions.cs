using System.Globalization;
using System.Text.RegularExpressions;
using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen wire` options.</summary>
internal sealed partial record WireOptions(
    string InterfaceA, string InterfaceB, WireSettings Settings, TimeSpan Interval, TimeSpan? Duration, bool Json)
{
    private static readonly OptionSpec DropOption = new("drop", null, "PCT", "drop PCT percent of the frames both ways, e.g. 1 or 0.5", "0");
    private static readonly OptionSpec DropAToBOption = new("drop-a-to-b", null, "PCT", "drop PCT percent of the frames from IFACE_A to IFACE_B", "--drop");
    private static readonly OptionSpec DropBToAOption = new("drop-b-to-a", null, "PCT", "drop PCT percent of the frames from IFACE_B to IFACE_A", "--drop");
    private static readonly OptionSpec LoseOption = new("lose", null, "WHAT",
        "which frames may be dropped: ip (IPv4 and IPv6 but neighbour discovery; ARP and other non-IP " +
        "frames always pass), udp-tcp (only UDP and TCP), all (any frame)", "ip");
    private static readonly OptionSpec[] All =
        [DropOption, DropAToBOption, DropBToAOption, LoseOption, ReportingOptions.Interval, ReportingOptions.Duration, ReportingOptions.Json, OptionSpec.Help];

    private static readonly Dictionary<string, WireLoss> LossNames = new(StringComparer.Ordinal)
    {
        ["ip"] = WireLoss.Ip, ["udp-tcp"] = WireLoss.UdpTcp, ["all"] = WireLoss.All,
    };

    public static string Help => HelpFormatter.Format(
        "flowgen wire [options] IFACE_A IFACE_B",
        "Joins IFACE_A and IFACE_B with an XDP program: every frame arriving on one leaves through the\n" +
        "other, unless chance drops it (--drop), and the wire counts both. Both interfaces must be in\n" +
        "this namespace. A veth receives redirected frames only if its peer has an XDP program or GRO\n" +
        "('ethtool -K PEER gro on'); the wire's own interfaces have one. Hosts whose stacks send through\n" +
        "the wire need transmit checksum offload off ('ethtool -K IF tx off'): XDP forwards a bare frame.",
        [("IFACE_A", "one side of the wire"), ("IFACE_B", "the other side")],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args) => ReportingOptions.RequestsHelp(args);

    public static WireOptions Parse(IReadOnlyList<string> args)
    {
        var interfaces = new List<string>();
        uint? both = null, aToB = null, bToA = null;
        var options = new WireOptions(string.Empty, string.Empty, default, ReportingOptions.DefaultInterval, null, false);
        foreach (ParsedArgument arg in new ArgumentReader("wire", All).Read(args))
        {
            if (arg.Option is null)
            {
                interfaces.Add(interfaces.Count < 2 ? ValueParsers.InterfaceName(arg.Value!)
                    : throw new UsageException($"unexpected argument '{arg.Value}': wire takes two interfaces, IFACE_A IFACE_B"));
                continue;
            }
            if (arg.Option == DropOption)
                both = PartsPerMillion(arg.Value!, DropOption.DisplayName);
            else if (arg.Option == DropAToBOption)
                aToB = PartsPerMillion(arg.Value!, DropAToBOption.DisplayName);
            else if (arg.Option == DropBToAOption)
                bToA = PartsPerMillion(arg.Value!, DropBToAOption.DisplayName);
            else
                options = With(options, arg);
        }
        if (interfaces.Count < 2)
            throw new UsageException("missing interface: flowgen wire [options] IFACE_A IFACE_B");
        if (interfaces[0] == interfaces[1])
            throw new UsageException($"IFACE_A and IFACE_B are both '{interfaces[0]}': the wire joins two different interfaces");
        WireSettings settings = options.Settings with { DropPpmAToB = aToB ?? both ?? 0, DropPpmBToA = bToA ?? both ?? 0 };
        return options with { InterfaceA = interfaces[0], InterfaceB = interfaces[1], Settings = settings };
    }

    private static WireOptions With(WireOptions options, ParsedArgument arg) =>
        arg.Option == LoseOption ? options with { Settings = options.Settings with { Loss = Loss(arg.Value!) } }
        : arg.Option == ReportingOptions.Interval ? options with { Interval = ValueParsers.Duration(arg.Value!, arg.Option.DisplayName) }
        : arg.Option == ReportingOptions.Duration ? options with { Duration = ValueParsers.Duration(arg.Value!, arg.Option.DisplayName) }
        : arg.Option == ReportingOptions.Json ? options with { Json = true }
        : throw new UsageException($"{arg.Option!.DisplayName} is not a wire option");

    private static WireLoss Loss(string text) => LossNames.TryGetValue(text, out WireLoss loss) ? loss
        : throw new UsageException($"invalid value '{text}' for {LoseOption.DisplayName}: expected ip, udp-tcp or all");

    /// <summary>A percentage from 0 to 100, e.g. 5, 0.5 or 1.25%, in steps of one part per million (0.0001%).</summary>
    internal static uint PartsPerMillion(string text, string option)
    {
        const decimal PartsPerPercent = WireSettings.PartsPerMillion / 100m;
        string number = text.EndsWith('%') ? text[..^1] : text;
        if (PercentPattern().IsMatch(number)
            && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal percent)
            && percent <= 100 && decimal.Truncate(percent * PartsPerPercent) == percent * PartsPerPercent)
            return (uint)(percent * PartsPerPercent);
        throw new UsageException(
            $"invalid value '{text}' for {option}: expected a percentage from 0 to 100, e.g. 5, 0.5 or 1%, with at most 4 decimals");
    }

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]+)?\z")]
    private static partial Regex PercentPattern();
}
