using System.Text.Json.Nodes;

namespace Flowgen.Tests.Operator.Install;

/// <summary>Objects of an install, by kind/namespace/name, so two renderings can be compared object by object.</summary>
internal static class RenderedObjects
{
    public static string KeyOf(JsonObject o) =>
        $"{o["kind"]}/{o["metadata"]?["namespace"]?.GetValue<string>() ?? "-"}/{o["metadata"]!["name"]}";

    public static IReadOnlyDictionary<string, JsonObject> ByKey(IEnumerable<JsonObject> objects) =>
        objects.ToDictionary(KeyOf, o => o, StringComparer.Ordinal);

    /// <summary>Keys present on one side only, and keys whose objects differ, one line each.</summary>
    public static IReadOnlyList<string> Differences(IEnumerable<JsonObject> expected, IEnumerable<JsonObject> actual)
    {
        var left = ByKey(expected);
        var right = ByKey(actual);
        var lines = new List<string>();
        lines.AddRange(left.Keys.Except(right.Keys).Select(k => $"only in the first: {k}"));
        lines.AddRange(right.Keys.Except(left.Keys).Select(k => $"only in the second: {k}"));
        lines.AddRange(left.Keys.Intersect(right.Keys)
            .Where(k => !JsonNode.DeepEquals(left[k], right[k]))
            .Select(k => $"differs: {k}\n  {left[k].ToJsonString()}\n  {right[k].ToJsonString()}"));
        return lines;
    }
}
