using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// Writes response bodies. Every object leaves through here, so content negotiation (kubectl's
/// <c>as=Table</c>, protobuf refusal) has one place to go.
/// </summary>
internal static class Responder
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, KubeApiException error) =>
        WriteAsync(context, error.Code, StatusObjects.Failure(error));
}
