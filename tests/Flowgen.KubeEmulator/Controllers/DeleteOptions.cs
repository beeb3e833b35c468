using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Controllers;

internal enum Propagation
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>meta/v1 DeleteOptions, from the request body or the query string.</summary>
internal sealed record DeleteOptions(Propagation Propagation, string? PreconditionUid, string? PreconditionResourceVersion)
{
    public static readonly DeleteOptions Background = new(Propagation.Background, null, null);

    public static DeleteOptions From(IQueryCollection query, JsonObject? body)
    {
        var policy = JsonDoc.String(body, "propagationPolicy") ?? query["propagationPolicy"].FirstOrDefault();
        if (policy is null && body?["orphanDependents"]?.GetValue<bool>() == true) policy = "Orphan";
        var propagation = policy switch
        {
            null or "" or "Background" => Propagation.Background,
            "Foreground" => Propagation.Foreground,
            "Orphan" => Propagation.Orphan,
            _ => throw Api.Errors.BadRequest($"unsupported propagationPolicy \"{policy}\""),
        };
        var preconditions = body?["preconditions"];
        return new DeleteOptions(propagation, JsonDoc.String(preconditions, "uid"), JsonDoc.String(preconditions, "resourceVersion"));
    }
}
