using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Contract;

/// <summary>
/// Canonical text for option values: the inverse of <see cref="ValueParsers"/>, so that
/// parsing what is formatted gives back the same value.
/// </summary>
public static class ValueFormat
{
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// In the largest unit that states the duration exactly: <c>2h</c>, <c>90s</c>,
    /// <c>1500ms</c>, else fractional seconds.
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        var ticks = duration.Ticks;
        (long Unit, string Suffix)[] units =
        [
            (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"),
            (TimeSpan.TicksPerSecond, "s"), (TimeSpan.TicksPerMillisecond, "ms"),
        ];
        foreach (var (unit, suffix) in units)
        {
            if (ticks % unit == 0)
            {
                return Integer(ticks / unit) + suffix;
            }
        }

        return ((decimal)ticks / TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture) + "s";
    }

    public static string Mac(PhysicalAddress mac) =>
        string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    public static string Address(IPAddress address) => address.ToString();

    /// <summary>Runs of consecutive CPUs as ranges: <c>0-3,6</c>.</summary>
    public static string CpuList(IReadOnlyList<int> cpus)
    {
        var items = new List<string>();
        for (var start = 0; start < cpus.Count;)
        {
            var end = start;
            while (end + 1 < cpus.Count && cpus[end + 1] == cpus[end] + 1)
            {
                end++;
            }

            items.Add(end == start ? Integer(cpus[start]) : $"{Integer(cpus[start])}-{Integer(cpus[end])}");
            start = end + 1;
        }

        return string.Join(',', items);
    }

    public static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);
}
