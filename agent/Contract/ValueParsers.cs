using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Flowgen.Contract;

/// <summary>
/// Option values from text. Each parser is strict — it takes the whole text or throws a
/// <see cref="UsageException"/> naming the option and the accepted form; nothing is truncated
/// or guessed (xdp-trafficgen read <c>-n 10k</c> as 10). <see cref="ValueFormat"/> is the inverse.
/// </summary>
public static partial class ValueParsers
{
    /// <summary>Linux CPU numbers stay below NR_CPUS, at most 8192 (CONFIG_MAXSMP).</summary>
    public const int MaxCpu = 8191;

    /// <summary>Linux IFNAMSIZ is 16, including the terminating NUL.</summary>
    public const int MaxInterfaceName = 15;

    private static readonly Dictionary<string, long> CountSuffixes = new(StringComparer.Ordinal)
    {
        [""] = 1, ["k"] = 1_000, ["M"] = 1_000_000, ["G"] = 1_000_000_000, ["T"] = 1_000_000_000_000,
    };

    private static readonly Dictionary<string, long> DurationUnits = new(StringComparer.Ordinal)
    {
        [""] = TimeSpan.TicksPerSecond, ["ms"] = TimeSpan.TicksPerMillisecond, ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute, ["h"] = TimeSpan.TicksPerHour,
    };

    /// <summary>A whole number, optionally with an SI suffix: <c>100000</c>, <c>10k</c>, <c>2.5M</c>, <c>1G</c>.</summary>
    public static long Count(string text, string option, long min = 0, long max = long.MaxValue)
    {
        var expected =
            $"a whole number from {min} to {max}, optionally with a k, M, G or T suffix (e.g. 100000, 10k, 2.5M)";
        var match = CountPattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(text, option, expected);
        }

        var scaled = Scale(match.Groups["number"].Value, CountSuffixes[match.Groups["suffix"].Value]);
        return scaled is { } value && value >= min && value <= max ? value : throw Invalid(text, option, expected);
    }

    /// <summary>
    /// A send rate: packets/s as a number with an optional k, M, G suffix (<c>50k</c>, <c>2.5M</c>,
    /// optionally followed by <c>pps</c>), or bits/s with <c>bit</c> (<c>10Gbit</c>, <c>1.5Gbit/s</c>,
    /// <c>800Mbit</c>). Whole packets or bits per second; at least 1k packets/s (bits/s: checked
    /// against the frame size by the job).
    /// </summary>
    public static SendRate Rate(string text, string option)
    {
        const string expected =
            "packets/s like 50k or 2.5M (optionally with 'pps'), or bits/s like 10Gbit, 800Mbit or 1.5Gbit/s";
        var match = RatePattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(text, option, expected);
        }

        var unit = match.Groups["bits"].Success ? RateUnit.BitsPerSecond : RateUnit.PacketsPerSecond;
        var max = unit == RateUnit.BitsPerSecond ? SendRate.MaxBitsPerSecond : SendRate.MaxPacketsPerSecond;
        if (Scale(match.Groups["number"].Value, CountSuffixes[match.Groups["suffix"].Value]) is not { } value || value > max)
        {
            throw Invalid(text, option, $"{expected}, in whole {(unit == RateUnit.BitsPerSecond ? "bits" : "packets")} per second "
                + $"up to {ValueFormat.Integer(max)}");
        }

        var rate = new SendRate(value, unit);
        if (unit == RateUnit.PacketsPerSecond && value < SendRate.MinPacketsPerSecond)
        {
            rate.CheckAtLeastMinimum(FrameSizes.EthernetMinimumWire, option);
        }

        return rate;
    }

    /// <summary>A whole number in [min, max], digits only.</summary>
    public static int Integer(string text, string option, int min, int max) =>
        TryInteger(text, min, max) is { } value ? value : throw Invalid(text, option, $"a whole number from {min} to {max}");

    public static ushort Port(string text, string option) => (ushort)Integer(text, option, 0, ushort.MaxValue);

    /// <summary>One of <paramref name="choices"/>, exactly as spelled there.</summary>
    public static string Choice(string text, string option, IReadOnlyList<string> choices) =>
        choices.Contains(text) ? text : throw Invalid(text, option, $"one of {string.Join(", ", choices)}");

    /// <summary>A port or an inclusive range FIRST-LAST: the first port and how many.</summary>
    public static (ushort First, int Count) PortRange(string text, string option)
    {
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return (Port(text, option), 1);
        ushort first = Port(text[..dash], option), last = Port(text[(dash + 1)..], option);
        return last >= first
            ? (first, last - first + 1)
            : throw Invalid(text, option, "a port or a range FIRST-LAST with FIRST <= LAST, e.g. 1000-1999");
    }

    /// <summary>
    /// A positive duration: <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>; a bare number is
    /// seconds. Fractions are fine down to TimeSpan's 100 ns tick.
    /// </summary>
    public static TimeSpan Duration(string text, string option)
    {
        const string expected =
            "a positive duration like 500ms, 10s, 2m or 1h (a bare number is seconds), in steps of 100 ns";
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(text, option, expected);
        }

        var ticks = Scale(match.Groups["number"].Value, DurationUnits[match.Groups["unit"].Value]);
        return ticks is > 0 and var positive ? TimeSpan.FromTicks(positive) : throw Invalid(text, option, expected);
    }

    /// <summary>Six hex pairs separated all by ':' or all by '-'.</summary>
    public static PhysicalAddress Mac(string text, string option) =>
        MacPattern().IsMatch(text)
            ? new PhysicalAddress(Convert.FromHexString(string.Concat(text.Split(text[2]))))
            : throw Invalid(text, option, "a MAC address like aa:bb:cc:dd:ee:ff or aa-bb-cc-dd-ee-ff");

    /// <summary>
    /// A literal IPv4 (dotted quad) or IPv6 address. IPAddress.TryParse alone would also take
    /// <c>1.2</c>, <c>0x7f.1</c>, brackets, ports and zone names (which it looks up on this host).
    /// </summary>
    public static IPAddress Address(string text, string option)
    {
        var literal = text.Contains(':', StringComparison.Ordinal) ? Ipv6Pattern() : Ipv4Pattern();
        return literal.IsMatch(text) && IPAddress.TryParse(text, out var address)
            && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
                ? address
                : throw Invalid(text, option, "an IPv4 address like 198.18.0.1 or an IPv6 address like 2001:db8::1");
    }

    /// <summary>
    /// CPU numbers and inclusive ranges, e.g. <c>0-3,6</c>, in any order; returned sorted.
    /// A CPU named twice is an error.
    /// </summary>
    public static IReadOnlyList<int> CpuList(string text, string option)
    {
        var expected = $"CPU numbers and ranges like 0-3,6 (CPUs 0 to {MaxCpu})";
        var cpus = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            var match = CpuRangePattern().Match(item);
            var first = match.Success ? TryInteger(match.Groups["first"].Value, 0, MaxCpu) : null;
            var last = match.Groups["last"].Success ? TryInteger(match.Groups["last"].Value, first ?? 0, MaxCpu) : first;
            if (first is not { } from || last is not { } to)
            {
                throw Invalid(text, option, expected);
            }

            for (var cpu = from; cpu <= to; cpu++)
            {
                if (!cpus.Add(cpu))
                {
                    throw new UsageException($"invalid value '{text}' for {option}: CPU {cpu} is listed twice");
                }
            }
        }

        return [.. cpus];
    }

    /// <summary>Bytes as hex pairs, e.g. <c>deadbeef</c>.</summary>
    public static byte[] Hex(string text, string option, int maxBytes) =>
        HexPattern().IsMatch(text) && text.Length / 2 <= maxBytes
            ? Convert.FromHexString(text)
            : throw Invalid(text, option, $"1 to {maxBytes} bytes as hex pairs, e.g. deadbeef");

    /// <summary>A name Linux would accept for a network device (the kernel's dev_valid_name).</summary>
    public static string InterfaceName(string text) =>
        text.Length is > 0 and <= MaxInterfaceName
        && text is not ("." or "..")
        && !text.Any(c => c is '/' or ':' || char.IsWhiteSpace(c))
            ? text
            : throw new UsageException(
                $"invalid interface name '{text}': expected 1 to {MaxInterfaceName} characters without '/', ':' or spaces");

    private static UsageException Invalid(string text, string option, string expected) =>
        new($"invalid value '{text}' for {option}: expected {expected}");

    // NumberStyles.None: ASCII digits only, no sign, no spaces.
    private static int? TryInteger(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;

    /// <summary>decimal × unit when that is a whole number within long; null otherwise.</summary>
    private static long? Scale(string number, long unit)
    {
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value > decimal.MaxValue / unit)
        {
            return null;
        }

        var scaled = value * unit;
        return decimal.Truncate(scaled) == scaled && scaled <= long.MaxValue ? (long)scaled : null;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<suffix>[kMGT]?)\z")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<suffix>[kMGT]?)((?<bits>bit(/s)?)|pps)?\z")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)?\z")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}\z")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}\z")]
    private static partial Regex Ipv4Pattern();

    // Hex groups, '::' and an optional trailing dotted quad; no brackets, ports or %zone.
    [GeneratedRegex(@"^[0-9A-Fa-f:.]+\z")]
    private static partial Regex Ipv6Pattern();

    [GeneratedRegex(@"^(?<first>[0-9]+)(-(?<last>[0-9]+))?\z")]
    private static partial Regex CpuRangePattern();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2})+\z")]
    private static partial Regex HexPattern();
}
