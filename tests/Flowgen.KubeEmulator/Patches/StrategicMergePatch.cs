using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Patches;

/// <summary>
/// Strategic merge patch for built-in types, reduced to what clients send: a merge patch in which the well-known
/// keyed lists (containers by name, ports by port, …) merge element-wise, <c>$patch: delete</c> removes an element,
/// and the other <c>$</c> directives (kubectl's <c>$setElementOrder</c>, <c>$retainKeys</c>) are dropped.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string[]> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["volumes"] = ["name"],
        ["env"] = ["name"],
        ["imagePullSecrets"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["ports"] = ["containerPort", "port"],
        ["ownerReferences"] = ["uid"],
        ["conditions"] = ["type"],
        ["hostAliases"] = ["ip"],
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, string? field = null)
    {
        switch (patch)
        {
            case JsonObject patchObject:
                var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
                foreach (var (key, value) in patchObject)
                {
                    if (key.StartsWith('$')) continue;
                    if (value is null) result.Remove(key);
                    else result[key] = Apply(result[key], value, key);
                }
                return result;
            case JsonArray patchArray when field is not null && MergeKeys.TryGetValue(field, out var keys) && target is JsonArray current:
                return MergeList(current, patchArray, keys);
            default:
                return patch?.DeepClone();
        }
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string[] keys)
    {
        var result = (JsonArray)current.DeepClone();
        foreach (var element in patch.OfType<JsonObject>())
        {
            var key = keys.FirstOrDefault(element.ContainsKey);
            var match = key is null ? null : result.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[key], element[key]));
            if (Storage.JsonDoc.String(element, "$patch") == "delete")
            {
                if (match is not null) result.Remove(match);
            }
            else if (match is not null)
            {
                result[result.IndexOf(match)] = Apply(match, element);
            }
            else
            {
                result.Add(Apply(null, element));
            }
        }
        return result;
    }
}
