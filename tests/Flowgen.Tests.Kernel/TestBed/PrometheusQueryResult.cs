using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>The answer of Prometheus' /api/v1/query: a vector of samples, or one scalar.</summary>
public static class PrometheusQueryResult
{
    /// <summary>The samples; throws with the body when the status is not "success" or the result is a matrix or string.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string body, string expression)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"query `{expression}` failed: {body}");
        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => result.EnumerateArray().Select(Sample).ToList(),
            "scalar" => [Point(string.Empty, new Dictionary<string, string>(), result)],
            var other => throw new InvalidOperationException($"query `{expression}` gave a {other}, not a vector or scalar: {body}"),
        };
    }

    static PrometheusSample Sample(JsonElement item)
    {
        var labels = item.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        var name = labels.Remove("__name__", out var value) ? value : string.Empty;
        return Point(name, labels, item.GetProperty("value"));
    }

    // [ <unix seconds as a number>, "<value as a string>" ]
    static PrometheusSample Point(string name, IReadOnlyDictionary<string, string> labels, JsonElement point) =>
        new(name, labels, PrometheusText.ParseValue(point[1].GetString()!),
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(point[0].GetDouble() * 1000)));
}
