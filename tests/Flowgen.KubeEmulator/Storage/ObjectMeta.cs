using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>Typed access to the metadata fields the server itself reads and writes.</summary>
internal static class ObjectMeta
{
    public static string Name(JsonObject obj) => JsonDoc.String(obj["metadata"], "name") ?? "";

    public static string? Namespace(JsonObject obj) => JsonDoc.String(obj["metadata"], "namespace");

    public static string? Uid(JsonObject obj) => JsonDoc.String(obj["metadata"], "uid");

    public static string? ResourceVersion(JsonObject obj) => JsonDoc.String(obj["metadata"], "resourceVersion");

    public static bool IsDeleting(JsonObject obj) => JsonDoc.String(obj["metadata"], "deletionTimestamp") is not null;

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray)?.Select(f => f?.GetValue<string>() ?? "").ToList() ?? [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var meta = JsonDoc.Metadata(obj);
        if (finalizers.Count == 0) meta.Remove("finalizers");
        else meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
    }

    public static Dictionary<string, string> Labels(JsonObject obj) =>
        (obj["metadata"]?["labels"] as JsonObject)?
            .Where(p => p.Value is JsonValue)
            .ToDictionary(p => p.Key, p => JsonDoc.Scalar((JsonValue)p.Value!)) ?? [];

    public static IEnumerable<JsonObject> OwnerReferences(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [];

    public static long Generation(JsonObject obj) => JsonDoc.Long(obj["metadata"], "generation");
}
