using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Controllers;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Selectors;
using Flowgen.KubeEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>The verbs on a resource: get, list/watch, create, update, patch, delete, deletecollection, and /status.</summary>
internal sealed class ResourceHandler(
    ObjectStore store, ResourceRegistry registry, ObjectAdmission admission, Lifecycle lifecycle, WatchStreamer watches)
{
    public async Task HandleAsync(HttpContext context, ResourceRequest request)
    {
        var type = registry.Find(request.Group, request.Version, request.Resource) ?? throw Errors.NoSuchResource();
        var method = context.Request.Method;
        var ns = request.Namespace;
        if (!type.Namespaced && ns is not null) throw Errors.NoSuchResource();
        if (type.Namespaced && ns is null && (request.Name is not null || method is "POST" or "DELETE")) throw Errors.NoSuchResource();
        var statusOnly = request.Subresource switch
        {
            null => false,
            "status" when type.HasStatus => true,
            _ => throw Errors.NoSuchResource(),
        };

        switch (method, request.Name)
        {
            case ("GET", null) when IsWatch(context.Request.Query):
                await watches.StreamAsync(context, type, ns);
                break;
            case ("GET", null):
                await Responder.WriteResourceAsync(context, 200, type, List(type, ns, context.Request.Query));
                break;
            case ("GET", { } name):
                var found = store.Get(type.GroupResource, ns, name) ?? throw Errors.NotFound(type, name);
                await Responder.WriteResourceAsync(context, 200, type, Present(type, found));
                break;
            case ("POST", null) when !statusOnly:
                await Responder.WriteResourceAsync(context, 201, type, Create(type, ns, await ReadObjectAsync(context)));
                break;
            case ("PUT", { } name):
                var body = await ReadObjectAsync(context);
                await Responder.WriteResourceAsync(context, 200, type, Change(type, ns, name, current => (body, statusOnly)));
                break;
            case ("PATCH", { } name):
                var patch = await ReadNodeAsync(context);
                var contentType = context.Request.ContentType;
                await Responder.WriteResourceAsync(context, 200, type, Change(type, ns, name,
                    current => (PatchApplier.Apply(type, current, contentType, patch), statusOnly)));
                break;
            case ("DELETE", { } name) when !statusOnly:
                var options = DeleteOptions.From(context.Request.Query, await ReadOptionalObjectAsync(context));
                var result = lifecycle.Delete(type, ns, name, options);
                await Responder.WriteResourceAsync(context, 200, type, result.Removed && !type.ReturnDeletedObject
                    ? StatusObjects.Success(name, type.Group, type.Plural, ObjectMeta.Uid(result.Object))
                    : Present(type, result.Object));
                break;
            case ("DELETE", null):
                DeleteCollection(type, ns, context.Request.Query, DeleteOptions.From(context.Request.Query, await ReadOptionalObjectAsync(context)));
                await Responder.WriteResourceAsync(context, 200, type, StatusObjects.Success("", type.Group, type.Plural, null));
                break;
            default:
                throw Errors.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
    }

    private JsonObject List(ResourceType type, string? ns, IQueryCollection query)
    {
        var filter = ObjectFilter.FromQuery(query, type);
        var (items, revision) = store.List(type.GroupResource, ns);
        // limit/continue are accepted and ignored: the whole list comes back, without a continue token.
        return new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(items.Where(filter.Matches).Select(o => (JsonNode)Present(type, o)).ToArray()),
        };
    }

    private JsonObject Create(ResourceType type, string? ns, JsonObject body)
    {
        var prepared = admission.PrepareCreate(type, ns, body);
        var created = store.Create(type.GroupResource, prepared, () => Errors.AlreadyExists(type, ObjectMeta.Name(prepared)));
        lifecycle.AfterChange(type.GroupResource, new ChangeResult(created, false, true));
        return Present(type, created);
    }

    private JsonObject Change(ResourceType type, string? ns, string name, Func<JsonObject, (JsonObject Proposed, bool StatusOnly)> propose)
    {
        var result = store.Change(type.GroupResource, ns, name, current =>
        {
            var (proposed, statusOnly) = propose((JsonObject)current.DeepClone());
            return ObjectAdmission.PrepareUpdate(type, current, proposed, statusOnly);
        }, () => Errors.NotFound(type, name));
        lifecycle.AfterChange(type.GroupResource, result);
        return Present(type, result.Object);
    }

    private void DeleteCollection(ResourceType type, string? ns, IQueryCollection query, DeleteOptions options)
    {
        var filter = ObjectFilter.FromQuery(query, type);
        foreach (var obj in store.List(type.GroupResource, ns).Items.Where(filter.Matches))
        {
            lifecycle.DeleteIfPresent(type.GroupResource, obj, options);
        }
    }

    /// <summary>Objects are stored once per resource; each version serves them under its own apiVersion.</summary>
    private static JsonObject Present(ResourceType type, JsonObject obj)
    {
        obj["apiVersion"] = type.ApiVersion;
        return obj;
    }

    private static bool IsWatch(IQueryCollection query) => query["watch"].FirstOrDefault() is "true" or "1";

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context) =>
        JsonDoc.ParseObject(await ReadBodyAsync(context));

    private static async Task<JsonObject?> ReadOptionalObjectAsync(HttpContext context)
    {
        var text = await ReadBodyAsync(context);
        return string.IsNullOrWhiteSpace(text) ? null : JsonDoc.ParseObject(text);
    }

    private static async Task<JsonNode?> ReadNodeAsync(HttpContext context)
    {
        try
        {
            return JsonNode.Parse(await ReadBodyAsync(context));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Errors.BadRequest($"the patch is not valid JSON: {e.Message}");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } contentType && contentType.Contains("protobuf", StringComparison.Ordinal))
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return ProtobufMetadataBody.Decode(buffer.ToArray(), contentType).ToJsonString();
        }
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
