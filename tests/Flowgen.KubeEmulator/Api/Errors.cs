using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Api;

/// <summary>The error responses of the real API server, with its codes, reasons and wording.</summary>
internal static class Errors
{
    public static KubeApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", details: Details(type, name));

    public static KubeApiException NoSuchResource() =>
        new(404, "NotFound", "the server could not find the requested resource");

    public static KubeApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", details: new StatusDetails(ns, "", "namespaces"));

    public static KubeApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", details: Details(type, name));

    public static KubeApiException Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}",
            details: Details(type, name));

    public static KubeApiException StaleResourceVersion(ResourceType type, string name) =>
        Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static KubeApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static KubeApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static KubeApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})");

    public static KubeApiException UnsupportedBodyType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json (protobuf only for objects with nothing but metadata) (got {contentType})");

    public static KubeApiException Expired(string message) => new(410, "Expired", message);

    public static KubeApiException Invalid(ResourceType type, string name, IReadOnlyList<StatusCause> causes)
    {
        var list = string.Join(", ", causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field}: {c.Message}"));
        var message = causes.Count == 1 ? list : $"[{list}]";
        return new KubeApiException(422, "Invalid", $"{type.Kind}{GroupSuffix(type)} \"{name}\" is invalid: {message}",
            causes, new StatusDetails(name, type.Group, type.Kind));
    }

    public static KubeApiException UnprocessablePatch(string message) => new(422, "Invalid", message);

    public static KubeApiException Injected(int code) => new(code, ReasonFor(code), $"injected failure (HTTP {code})");

    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        410 => "Expired",
        422 => "Invalid",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "InternalError",
    };

    private static string GroupSuffix(ResourceType type) => type.Group.Length == 0 ? "" : "." + type.Group;

    private static StatusDetails Details(ResourceType type, string name) => new(name, type.Group, type.Plural);
}
