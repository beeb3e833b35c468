using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Validation;

/// <summary>
/// Drops what the structural schema does not specify, unless <c>x-kubernetes-preserve-unknown-fields</c> says to
/// keep it; also drops nulls of non-nullable fields, as the API server does before defaulting.
/// </summary>
internal static class SchemaPruner
{
    public static void Prune(JsonNode? node, JsonObject schema)
    {
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        switch (node)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"];
                foreach (var (name, value) in obj.ToList())
                {
                    var propertySchema = properties?[name] as JsonObject ?? additional as JsonObject;
                    if (propertySchema is null)
                    {
                        if (!preserve && !(additional is JsonValue allowed && allowed.GetValue<bool>())) obj.Remove(name);
                        continue;
                    }
                    if (value is null && propertySchema["nullable"]?.GetValue<bool>() != true) obj.Remove(name);
                    else Prune(value, propertySchema);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var element in array) Prune(element, items);
                break;
        }
    }
}
