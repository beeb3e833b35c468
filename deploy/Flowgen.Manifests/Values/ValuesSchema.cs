using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgen.Manifests.Values;

/// <summary>The chart's values.schema.json: Helm checks values against it at install; unknown keys are refused.</summary>
public static class ValuesSchema
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Build()
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Values of the Flowgen chart",
        };
        foreach (var (key, node) in Object())
            root[key] = node?.DeepClone();
        foreach (var value in ChartValues.All)
        {
            var parent = root;
            foreach (string key in value.Keys.SkipLast(1))
                parent = (JsonObject)(((JsonObject)parent["properties"]!)[key] ??= Object());
            var leaf = (JsonObject)value.Schema.DeepClone();
            leaf["description"] = value.Description;
            leaf["default"] = value.Default?.DeepClone();
            ((JsonObject)parent["properties"]!)[value.Keys[^1]] = leaf;
        }
        return root;
    }

    public static string Write() => Build().ToJsonString(Indented) + "\n";

    private static JsonObject Object() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject(),
    };
}
