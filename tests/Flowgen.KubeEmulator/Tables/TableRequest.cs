using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Tables;

/// <summary>What a row's <c>object</c> carries: the whole object, its metadata only (the default), or nothing.</summary>
internal enum IncludeObject
{
    Metadata,
    Object,
    None,
}

/// <summary>
/// Whether a request asked for <c>meta.k8s.io Table</c> (kubectl's
/// <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io,…</c>) and with which <c>includeObject</c>.
/// </summary>
internal sealed record TableRequest(IncludeObject IncludeObject)
{
    public static TableRequest? From(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var wantsTable = accept.Split(',').Any(IsTableMediaType);
        if (!wantsTable) return null;
        var include = request.Query["includeObject"].FirstOrDefault() switch
        {
            null or "" or "Metadata" => IncludeObject.Metadata,
            "Object" => IncludeObject.Object,
            "None" => IncludeObject.None,
            var other => throw Api.Errors.BadRequest($"includeObject: Unsupported value: \"{other}\": supported values: \"Metadata\", \"None\", \"Object\""),
        };
        return new TableRequest(include);
    }

    private static bool IsTableMediaType(string mediaType)
    {
        var parameters = mediaType.Split(';').Select(p => p.Trim()).ToList();
        return parameters[0] is "application/json" or "*/*"
            && parameters.Contains("as=Table")
            && parameters.Contains("g=meta.k8s.io")
            && parameters.Any(p => p is "v=v1" or "v=v1beta1");
    }
}
