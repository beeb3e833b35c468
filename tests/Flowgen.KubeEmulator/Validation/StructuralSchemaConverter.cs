using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Validation;

/// <summary>
/// Turns a CRD's structural OpenAPI v3 schema into a JSON Schema (2020-12) that JsonSchema.Net evaluates.
/// OpenAPI differences handled: <c>nullable</c>, boolean <c>exclusiveMinimum/Maximum</c>,
/// <c>x-kubernetes-int-or-string</c>; formats are kept only where both sides mean the same thing (Kubernetes'
/// <c>duration</c> is Go's, not ISO 8601's). <c>x-kubernetes-validations</c> (CEL) are NOT evaluated: no CEL engine
/// exists here, so CRDs must not rely on them for anything a test checks.
/// </summary>
internal static class StructuralSchemaConverter
{
    private static readonly HashSet<string> CopiedKeywords =
    [
        "type", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
        "uniqueItems", "multipleOf", "minProperties", "maxProperties", "required",
    ];

    private static readonly HashSet<string> SharedFormats =
        ["date", "date-time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid"];

    public static JsonObject Convert(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (value is null) continue;
            switch (key)
            {
                case var k when CopiedKeywords.Contains(k):
                    result[k] = value.DeepClone();
                    break;
                case "format" when SharedFormats.Contains(value.GetValue<string>()):
                    result["format"] = value.DeepClone();
                    break;
                case "properties" when value is JsonObject properties:
                    result["properties"] = new JsonObject(properties.Select(p =>
                        KeyValuePair.Create(p.Key, (JsonNode?)Convert(p.Value!.AsObject()))));
                    break;
                case "items" when value is JsonObject items:
                    result["items"] = Convert(items);
                    break;
                case "additionalProperties" when value is JsonObject additional:
                    result["additionalProperties"] = Convert(additional);
                    break;
                case "additionalProperties":
                    result["additionalProperties"] = value.DeepClone();
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is JsonArray branches:
                    result[key] = new JsonArray(branches.Select(b => (JsonNode)Convert(b!.AsObject())).ToArray());
                    break;
                case "not" when value is JsonObject not:
                    result["not"] = Convert(not);
                    break;
            }
        }
        ApplyExclusiveBounds(schema, result);
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true && !result.ContainsKey("type"))
        {
            result["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }
        if (schema["nullable"]?.GetValue<bool>() == true) AllowNull(result);
        return result;
    }

    /// <summary>OpenAPI 3.0's <c>exclusiveMinimum: true</c> makes <c>minimum</c> exclusive; JSON Schema wants the number.</summary>
    private static void ApplyExclusiveBounds(JsonObject schema, JsonObject result)
    {
        foreach (var (flag, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (schema[flag]?.GetValue<bool>() == true && result[bound] is { } value)
            {
                result.Remove(bound);
                result[flag] = value.DeepClone();
            }
        }
    }

    private static void AllowNull(JsonObject result)
    {
        if (result["type"] is JsonValue type) result["type"] = new JsonArray(type.GetValue<string>(), "null");
        if (result["enum"] is JsonArray values && !values.Any(v => v is null)) values.Add(null);
    }
}
