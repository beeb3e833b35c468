using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>One series of a range query (/api/v1/query_range): its labels and its points in time order.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(DateTimeOffset At, double Value)> Points)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        $"{{{string.Join(',', Labels.Select(pair => $"{pair.Key}=\"{pair.Value}\""))}}} " +
        $"{Points.Count} points, last {(Points.Count > 0 ? Points[^1].Value : double.NaN)}";

    /// <summary>The series of a query_range answer; throws with the body when it failed or is not a matrix.</summary>
    public static IReadOnlyList<PrometheusSeries> ParseMatrix(string body, string expression)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"range query `{expression}` failed: {body}");
        var data = root.GetProperty("data");
        if (data.GetProperty("resultType").GetString() != "matrix")
            throw new InvalidOperationException($"range query `{expression}` did not give a matrix: {body}");
        return data.GetProperty("result").EnumerateArray().Select(Series).ToList();
    }

    static PrometheusSeries Series(JsonElement item)
    {
        var labels = item.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        // [ <unix seconds as a number>, "<value as a string>" ]
        var points = item.GetProperty("values").EnumerateArray()
            .Select(p => (DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(p[0].GetDouble() * 1000)), PrometheusText.ParseValue(p[1].GetString()!)))
            .ToList();
        return new PrometheusSeries(labels, points);
    }
}
