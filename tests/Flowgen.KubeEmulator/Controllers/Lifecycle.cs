using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Controllers;

/// <summary>
/// Deletion (finalizers, propagation) and what the cluster's controllers do after each write: garbage collection,
/// CRD registration and cleanup, namespace termination. They run synchronously after the write, so tests see
/// their effects as soon as the request returns (the real ones are asynchronous; clients must not rely on either).
/// </summary>
internal sealed class Lifecycle
{
    public const string ForegroundFinalizer = "foregroundDeletion";

    private readonly ObjectStore store;
    private readonly ResourceRegistry registry;
    private readonly GarbageCollector gc;
    private readonly CrdController crds;
    private readonly NamespaceController namespaces;

    public Lifecycle(ObjectStore store, ResourceRegistry registry)
    {
        this.store = store;
        this.registry = registry;
        gc = new GarbageCollector(store, registry, this);
        crds = new CrdController(store, registry, this);
        namespaces = new NamespaceController(store, registry, this);
    }

    public ChangeResult Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        if (options.Propagation == Propagation.Orphan && store.Get(type.GroupResource, ns, name) is { } owner)
        {
            gc.Orphan(ObjectMeta.Uid(owner)!);
        }
        var result = store.Change(type.GroupResource, ns, name, current => DecideDelete(type, current, options),
            () => Errors.NotFound(type, name));
        AfterChange(type.GroupResource, result);
        return result;
    }

    /// <summary>Removes one finalizer (if present); the object goes when it was the last one of a deleting object.</summary>
    public void RemoveFinalizer(GroupResource resource, string? ns, string name, string finalizer)
    {
        ChangeResult result;
        try
        {
            result = store.Change(resource, ns, name, current =>
            {
                var finalizers = ObjectMeta.Finalizers(current);
                if (!finalizers.Remove(finalizer)) return Change.Keep;
                if (finalizers.Count == 0 && ObjectMeta.IsDeleting(current)) return Change.Remove;
                ObjectMeta.SetFinalizers(current, finalizers);
                return Change.Replace(current);
            }, () => Errors.NoSuchResource());
        }
        catch (KubeApiException e) when (e.Code == 404)
        {
            return;
        }
        AfterChange(resource, result);
    }

    /// <summary>Deletes quietly: the object may already be gone, which is fine for a controller.</summary>
    public void DeleteIfPresent(GroupResource resource, JsonObject obj, DeleteOptions options)
    {
        if (registry.FindAnyVersion(resource) is not { } type) return;
        try
        {
            Delete(type, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj), options);
        }
        catch (KubeApiException e) when (e.Code is 404 or 409)
        {
        }
    }

    public void AfterChange(GroupResource resource, ChangeResult result)
    {
        if (!result.Written) return;
        var obj = result.Object;
        if (result.Removed)
        {
            gc.OwnerRemoved(ObjectMeta.Uid(obj)!);
            gc.DependentRemoved(obj);
        }
        else if (ObjectMeta.Finalizers(obj).Contains(ForegroundFinalizer) && ObjectMeta.IsDeleting(obj))
        {
            gc.DeleteDependentsOf(resource, obj);
        }
        crds.AfterChange(resource, obj, result.Removed);
        namespaces.AfterChange(resource, obj, result.Removed);
    }

    private Change DecideDelete(ResourceType type, JsonObject current, DeleteOptions options)
    {
        var name = ObjectMeta.Name(current);
        if (options.PreconditionUid is { } uid && uid != ObjectMeta.Uid(current))
        {
            throw Errors.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current)}");
        }
        if (options.PreconditionResourceVersion is { } rv && rv != ObjectMeta.ResourceVersion(current))
        {
            throw Errors.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {ObjectMeta.ResourceVersion(current)}");
        }
        if (ObjectMeta.IsDeleting(current)) return Change.Keep;

        var finalizers = ObjectMeta.Finalizers(current);
        if (options.Propagation == Propagation.Foreground && store.Dependents(ObjectMeta.Uid(current)!).Count > 0)
        {
            finalizers.Add(ForegroundFinalizer);
        }
        finalizers.AddRange(ImplicitFinalizers(type, current));
        if (finalizers.Count == 0) return Change.Remove;

        var meta = JsonDoc.Metadata(current);
        meta["deletionTimestamp"] = JsonDoc.Now();
        meta["deletionGracePeriodSeconds"] = 0;
        if (type.TracksGeneration) meta["generation"] = ObjectMeta.Generation(current) + 1;
        ObjectMeta.SetFinalizers(current, finalizers.Distinct().ToList());
        return Change.Replace(current);
    }

    /// <summary>Finalizers the server adds itself when deletion starts: CRD cleanup, namespace termination.</summary>
    private IEnumerable<string> ImplicitFinalizers(ResourceType type, JsonObject current)
    {
        if (type.GroupResource == BuiltinResources.Crds && crds.HasObjects(current)) yield return CrdController.CleanupFinalizer;
        if (type.GroupResource == BuiltinResources.Namespaces && namespaces.HasContent(ObjectMeta.Name(current)))
        {
            yield return NamespaceController.Finalizer;
        }
    }
}
