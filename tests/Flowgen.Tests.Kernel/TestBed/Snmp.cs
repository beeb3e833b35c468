using System.Globalization;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>The kernel's SNMP counters of one network namespace.</summary>
public static class Snmp
{
    /// <summary>
    /// Counters from /proc/net/snmp, keyed "Udp.InDatagrams", and /proc/net/snmp6, keyed as the
    /// file names them ("Udp6InCsumErrors").
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string ns)
    {
        var counters = new Dictionary<string, long>();
        ParseSnmp(await Netns.ExecAsync(ns, "cat", "/proc/net/snmp"), counters);
        ParseSnmp6(await Netns.ExecAsync(ns, "cat", "/proc/net/snmp6"), counters);
        return counters;
    }

    // Pairs of lines: "Udp: InDatagrams NoPorts …" then "Udp: 12 0 …".
    static void ParseSnmp(string text, Dictionary<string, long> counters)
    {
        var lines = Lines(text);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var names = Fields(lines[i]);
            var values = Fields(lines[i + 1]);
            var group = names[0].TrimEnd(':');
            for (var j = 1; j < names.Length && j < values.Length; j++)
                counters[$"{group}.{names[j]}"] = Number(values[j]);
        }
    }

    // One counter a line: "Udp6InCsumErrors   0".
    static void ParseSnmp6(string text, Dictionary<string, long> counters)
    {
        foreach (var fields in Lines(text).Select(Fields).Where(f => f.Length == 2))
            counters[fields[0]] = Number(fields[1]);
    }

    static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    static long Number(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
