using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Patches;
using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Http;

/// <summary>Picks the patch flavour from the Content-Type, as the real server does.</summary>
internal static class PatchApplier
{
    public static JsonObject Apply(ResourceType type, JsonObject current, string? contentType, JsonNode? patch)
    {
        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        var result = mediaType switch
        {
            "application/json-patch+json" => JsonPatch.Apply(current, patch ?? new JsonArray()),
            "application/merge-patch+json" => MergePatch.Apply(current, patch),
            // Custom resources have no patch strategy metadata; the real server refuses this too.
            "application/strategic-merge-patch+json" when !type.IsCustom => StrategicMergePatch.Apply(current, patch),
            _ => throw Errors.UnsupportedMediaType(mediaType),
        };
        return result as JsonObject ?? throw Errors.BadRequest("the patch must leave an object");
    }
}
