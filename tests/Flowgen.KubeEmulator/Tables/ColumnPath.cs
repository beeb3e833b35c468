using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Tables;

/// <summary>
/// The simple JSONPaths printer columns use: <c>.status.phase</c>, <c>.spec.items[0].name</c>, optionally wrapped
/// in <c>{…}</c>. Filters, wildcards and ranges are not supported; such a column reads as missing.
/// </summary>
internal static class ColumnPath
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}')) text = text[1..^1];
        var node = root;
        foreach (var step in Steps(text))
        {
            node = step switch
            {
                int index when node is JsonArray a && index < a.Count => a[index],
                string name when node is JsonObject o => o[name],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0) yield return name;
            if (bracket < 0) continue;
            foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.TryParse(index, out var i) && i >= 0 ? i : -1;
            }
        }
    }
}
