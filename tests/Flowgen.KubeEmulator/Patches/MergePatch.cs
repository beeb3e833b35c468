using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Patches;

/// <summary>RFC 7386 JSON merge patch: objects merge, <c>null</c> deletes, everything else (lists too) replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }
        return result;
    }
}
