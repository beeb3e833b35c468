using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>
/// What the API server does to an object between the request body and storage: type and namespace checks,
/// names, server-owned metadata, status-subresource rules, generation, and the CRD schema for custom resources.
/// </summary>
internal sealed class ObjectAdmission(ObjectStore store)
{
    private static readonly string[] ServerOwnedMetadata =
        ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "name", "namespace"];

    public JsonObject PrepareCreate(ResourceType type, string? ns, JsonObject body)
    {
        CheckTypeMeta(type, body);
        var meta = JsonDoc.Metadata(body);
        SetNamespace(type, ns, meta);
        var name = JsonDoc.String(meta, "name");
        if (string.IsNullOrEmpty(name))
        {
            var prefix = JsonDoc.String(meta, "generateName");
            if (string.IsNullOrEmpty(prefix))
            {
                throw Errors.Invalid(type, "", [new StatusCause("FieldValueRequired",
                    "Required value: name or generateName is required", "metadata.name")]);
            }
            name = ObjectNames.Generate(prefix);
            meta["name"] = name;
        }
        if (ObjectNames.Check(type, name) is { } bad) throw Errors.Invalid(type, name, [bad]);
        if (type.Namespaced) CheckNamespaceAcceptsContent(ns!);

        foreach (var field in new[] { "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion", "selfLink", "managedFields" })
        {
            meta.Remove(field);
        }
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = JsonDoc.Now();
        if (type.TracksGeneration) meta["generation"] = 1;
        ApplyStatusOnCreate(type, body);
        Admit(type, body, name);
        return body;
    }

    /// <summary>Decides a PUT (or a patch's result) against the current object, under the store's lock.</summary>
    public static Change PrepareUpdate(ResourceType type, JsonObject current, JsonObject proposed, bool statusOnly)
    {
        var name = ObjectMeta.Name(current);
        CheckTypeMeta(type, proposed);
        var proposedMeta = JsonDoc.Metadata(proposed);
        if (JsonDoc.String(proposedMeta, "name") is { Length: > 0 } bodyName && bodyName != name)
        {
            throw Errors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        if (type.Namespaced && JsonDoc.String(proposedMeta, "namespace") is { Length: > 0 } bodyNs && bodyNs != ObjectMeta.Namespace(current))
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (JsonDoc.String(proposedMeta, "resourceVersion") is { Length: > 0 } rv && rv != ObjectMeta.ResourceVersion(current))
        {
            throw Errors.StaleResourceVersion(type, name);
        }

        var next = statusOnly ? WithStatusOf(current, proposed) : WithServerOwnedOf(type, current, proposed);
        CheckFinalizers(type, current, next);
        Admit(type, next, name);
        if (type.TracksGeneration && SpecChanged(type, current, next))
        {
            JsonDoc.Metadata(next)["generation"] = ObjectMeta.Generation(current) + 1;
        }

        JsonDoc.Metadata(next)["resourceVersion"] = ObjectMeta.ResourceVersion(current);
        if (JsonDoc.DeepEquals(current, next)) return Change.Keep;
        if (ObjectMeta.IsDeleting(next) && ObjectMeta.Finalizers(next).Count == 0) return Change.Remove;
        return Change.Replace(next);
    }

    private void CheckNamespaceAcceptsContent(string ns)
    {
        var namespaceObject = store.Get(BuiltinResources.Namespaces, null, ns) ?? throw Errors.NamespaceNotFound(ns);
        if (ObjectMeta.IsDeleting(namespaceObject))
        {
            throw new KubeApiException(403, "Forbidden",
                $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject proposed)
    {
        var next = (JsonObject)current.DeepClone();
        CopyField(proposed, next, "status");
        return next;
    }

    private static JsonObject WithServerOwnedOf(ResourceType type, JsonObject current, JsonObject proposed)
    {
        var next = (JsonObject)proposed.DeepClone();
        var meta = JsonDoc.Metadata(next);
        var currentMeta = JsonDoc.Metadata(current);
        foreach (var field in ServerOwnedMetadata) CopyField(currentMeta, meta, field);
        meta.Remove("managedFields");
        meta.Remove("selfLink");
        if (type.HasStatus) CopyField(current, next, "status");
        return next;
    }

    private static void CheckFinalizers(ResourceType type, JsonObject current, JsonObject next)
    {
        if (!ObjectMeta.IsDeleting(current)) return;
        var added = ObjectMeta.Finalizers(next).Except(ObjectMeta.Finalizers(current)).ToList();
        if (added.Count > 0)
        {
            throw Errors.Invalid(type, ObjectMeta.Name(current), [new StatusCause("FieldValueForbidden",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers [{string.Join(' ', added)}]",
                "metadata.finalizers")]);
        }
    }

    /// <summary>Generation counts changes outside metadata — and outside status where status is a subresource.</summary>
    private static bool SpecChanged(ResourceType type, JsonObject current, JsonObject next)
    {
        static JsonObject Strip(JsonObject o, bool status)
        {
            var copy = (JsonObject)o.DeepClone();
            copy.Remove("metadata");
            if (status) copy.Remove("status");
            return copy;
        }
        return !JsonDoc.DeepEquals(Strip(current, type.HasStatus), Strip(next, type.HasStatus));
    }

    private static void Admit(ResourceType type, JsonObject obj, string name)
    {
        var causes = type.Schema?.Admit(obj) ?? (type.GroupResource == BuiltinResources.Crds ? CrdResources.Check(obj) : []);
        if (causes.Count > 0) throw Errors.Invalid(type, name, causes);
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject body)
    {
        var apiVersion = JsonDoc.String(body, "apiVersion");
        var kind = JsonDoc.String(body, "kind");
        if ((apiVersion is { Length: > 0 } && apiVersion != type.ApiVersion) || (kind is { Length: > 0 } && kind != type.Kind))
        {
            throw Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion}) or kind {kind} is not {type.Kind}");
        }
        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
    }

    private static void SetNamespace(ResourceType type, string? ns, JsonObject meta)
    {
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return;
        }
        if (JsonDoc.String(meta, "namespace") is { Length: > 0 } bodyNs && bodyNs != ns)
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        meta["namespace"] = ns;
    }

    private static void ApplyStatusOnCreate(ResourceType type, JsonObject body)
    {
        switch (type.StatusOnCreate)
        {
            case StatusOnCreate.Drop: body.Remove("status"); break;
            case StatusOnCreate.PodPending: body["status"] = new JsonObject { ["phase"] = "Pending" }; break;
            case StatusOnCreate.NamespaceActive: body["status"] = new JsonObject { ["phase"] = "Active" }; break;
        }
    }

    private static void CopyField(JsonObject from, JsonObject to, string field)
    {
        if (from[field] is { } value) to[field] = value.DeepClone();
        else to.Remove(field);
    }
}
