using System.Text.Json;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>The summary line of <c>flowgen udp --json</c>.</summary>
public sealed record UdpSummary(string Result, long Sent, long Dropped, long Errors, long Attempted);

/// <summary>An interval line of <c>flowgen sink --json</c>; Packets is the running total.</summary>
public sealed record SinkInterval(double Elapsed, long Packets);

/// <summary>The summary line of <c>flowgen sink --json</c>.</summary>
public sealed record SinkSummary(long Packets, long WireBytes, long Other);

/// <summary>Reads flowgen's JSON lines (<c>{"event":"…",…}</c>).</summary>
public static class FlowgenReports
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>True when the line is a JSON object whose "event" is <paramref name="name"/>.</summary>
    public static bool IsEvent(string line, string name)
    {
        if (!line.StartsWith('{'))
            return false;
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("event", out var value) && value.GetString() == name;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static T Parse<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new InvalidOperationException($"not a report: {line}");

    /// <summary>The last line of event <paramref name="name"/>, parsed; throws with all the output when there is none.</summary>
    public static T Last<T>(IEnumerable<string> lines, string name)
    {
        var all = lines.ToList();
        var line = all.LastOrDefault(l => IsEvent(l, name))
            ?? throw new InvalidOperationException($"no \"{name}\" line in:\n{string.Join('\n', all)}");
        return Parse<T>(line);
    }

    public static T Last<T>(string output, string name) => Last<T>(output.Split('\n'), name);
}
