using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>JSON helpers: stored objects are immutable <see cref="JsonElement"/>s, handlers work on private nodes.</summary>
internal static class JsonDoc
{
    public static JsonElement Freeze(JsonNode node) => JsonSerializer.SerializeToElement(node);

    public static JsonObject Thaw(JsonElement element) => JsonNode.Parse(element.GetRawText())!.AsObject();

    public static JsonObject ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw Api.Errors.BadRequest("the request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw Api.Errors.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta) return meta;
        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    public static string? String(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long Long(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<long>(out var l) ? l : 0;

    /// <summary>Follows a dotted path (<c>spec.nodeName</c>) and renders the leaf as a selector would see it.</summary>
    public static string? Path(JsonNode? node, string dottedPath)
    {
        foreach (var part in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null) return null;
        }
        return node is JsonValue value ? Scalar(value) : node?.ToJsonString();
    }

    public static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
