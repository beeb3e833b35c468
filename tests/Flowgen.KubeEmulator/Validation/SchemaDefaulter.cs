using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Validation;

/// <summary>
/// Structural defaulting as the API server does it: a missing (or, when not nullable, null) property with a
/// <c>default</c> gets a copy of it, and defaulting continues into what is there — including what was just defaulted.
/// </summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertySchema) in properties)
                    {
                        if (propertySchema is not JsonObject ps) continue;
                        if (ps["default"] is { } defaultValue && obj[name] is null && !IsNullable(ps))
                        {
                            obj[name] = defaultValue.DeepClone();
                        }
                        if (obj[name] is { } child) Apply(child, ps);
                    }
                }
                if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var (_, value) in obj.ToList()) Apply(value, additional);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var element in array) Apply(element, items);
                break;
        }
    }

    private static bool IsNullable(JsonObject schema) => schema["nullable"]?.GetValue<bool>() == true;
}
