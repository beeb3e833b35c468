using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>Reading flowgen's <c>--json</c> output: one object a line, told apart by "event".</summary>
public static class JsonEvent
{
    public static bool Is(string line, string name)
    {
        if (!line.StartsWith('{'))
            return false;
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("event", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() == name;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The one line of event <paramref name="name"/>; throws with all the output when there is none or several.</summary>
    public static JsonElement Single(IReadOnlyList<string> lines, string name, string describe)
    {
        var matches = lines.Where(line => Is(line, name)).ToList();
        if (matches.Count != 1)
            throw new InvalidOperationException($"expected one \"{name}\" line, found {matches.Count}\n{describe}");
        return Parse(matches[0]);
    }

    public static IEnumerable<JsonElement> All(IEnumerable<string> lines, string name) =>
        lines.Where(line => Is(line, name)).Select(Parse);

    public static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    /// <summary>An integer field; throws unless it is present and a JSON number (not a string, not null).</summary>
    public static long Integer(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString()
        ?? throw new InvalidOperationException($"\"{property}\" is null in {element}");
}
