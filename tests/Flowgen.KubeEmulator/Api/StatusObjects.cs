using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Api;

/// <summary>Builds <c>meta/v1 Status</c> objects.</summary>
internal static class StatusObjects
{
    public static JsonObject Failure(KubeApiException error)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
            ["code"] = error.Code,
        };
        if (error.Details is not null || error.Causes.Count > 0)
        {
            var details = new JsonObject();
            if (error.Details?.Name is { } name) details["name"] = name;
            if (error.Details?.Group is { } group) details["group"] = group;
            if (error.Details?.Kind is { } kind) details["kind"] = kind;
            if (error.Causes.Count > 0)
            {
                details["causes"] = new JsonArray(error.Causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray());
            }
            status["details"] = details;
        }
        return status;
    }

    public static JsonObject Success(string name, string group, string kind, string? uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind, ["uid"] = uid },
    };
}
