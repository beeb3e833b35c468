using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Tables;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// Writes response bodies. Every object leaves through here, so content negotiation (kubectl's
/// <c>as=Table</c>) has one place to go.
/// </summary>
internal static class Responder
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>An object or a list of <paramref name="type"/>: as a Table when the client asked for one, else as is.</summary>
    public static Task WriteResourceAsync(HttpContext context, int statusCode, ResourceType type, JsonObject body)
    {
        if (TableRequest.From(context.Request) is not { } table || body["kind"]?.GetValue<string>() == "Status")
        {
            return WriteAsync(context, statusCode, body);
        }
        var objects = body["items"] is JsonArray items ? items.OfType<JsonObject>() : [body];
        var resourceVersion = body["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";
        return WriteAsync(context, statusCode, TableRenderer.Render(type, objects, resourceVersion, table));
    }

    public static Task WriteErrorAsync(HttpContext context, KubeApiException error) =>
        WriteAsync(context, error.Code, StatusObjects.Failure(error));
}
