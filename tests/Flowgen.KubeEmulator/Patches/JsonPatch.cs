using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Patches;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) over RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonNode patch)
    {
        if (patch is not JsonArray operations) throw Api.Errors.BadRequest("a json patch must be an array of operations");
        JsonNode document = target.DeepClone();
        foreach (var op in operations.OfType<JsonObject>())
        {
            var name = Storage.JsonDoc.String(op, "op");
            var path = Storage.JsonDoc.String(op, "path") ?? throw Api.Errors.BadRequest("json patch operation without path");
            switch (name)
            {
                case "add": document = Add(document, path, op["value"]?.DeepClone()); break;
                case "remove": Remove(document, path); break;
                case "replace": Remove(document, path); document = Add(document, path, op["value"]?.DeepClone()); break;
                case "move":
                    var moved = Get(document, From(op));
                    Remove(document, From(op));
                    document = Add(document, path, moved);
                    break;
                case "copy": document = Add(document, path, Get(document, From(op))?.DeepClone()); break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), op["value"]))
                        throw Api.Errors.UnprocessablePatch($"the test operation failed at {path}");
                    break;
                default: throw Api.Errors.BadRequest($"unknown json patch operation \"{name}\"");
            }
        }
        return document as JsonObject ?? throw Api.Errors.BadRequest("a json patch must leave an object");
    }

    private static string From(JsonObject op) =>
        Storage.JsonDoc.String(op, "from") ?? throw Api.Errors.BadRequest("json patch operation without from");

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();

    private static JsonNode? Get(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.ContainsKey(token) => o[token],
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Api.Errors.UnprocessablePatch($"json patch path not found: {pointer}"),
            };
        }
        return node;
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) return value ?? throw Api.Errors.BadRequest("json patch cannot replace the document with null");
        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            default: throw Api.Errors.UnprocessablePatch($"json patch path not found: {pointer}");
        }
        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) throw Api.Errors.BadRequest("json patch cannot remove the whole document");
        var parent = Get(document, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last): o.Remove(last); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count: a.RemoveAt(i); break;
            default: throw Api.Errors.UnprocessablePatch($"json patch path not found: {pointer}");
        }
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}
