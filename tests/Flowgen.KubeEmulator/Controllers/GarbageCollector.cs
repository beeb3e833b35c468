using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Controllers;

/// <summary>
/// Owner-reference garbage collection by uid: a dependent whose owners are all gone is deleted; one that still has
/// an owner loses only the dangling reference. Also finishes foreground deletion and orphaning.
/// </summary>
internal sealed class GarbageCollector(ObjectStore store, ResourceRegistry registry, Lifecycle lifecycle)
{
    public void OwnerRemoved(string ownerUid)
    {
        foreach (var (resource, dependent) in store.Dependents(ownerUid))
        {
            var liveOwners = ObjectMeta.OwnerReferences(dependent)
                .Select(r => JsonDoc.String(r, "uid"))
                .Where(uid => uid != ownerUid && uid is not null && store.Exists(uid));
            if (liveOwners.Any()) StripReferences(resource, dependent, ownerUid);
            else lifecycle.DeleteIfPresent(resource, dependent, DeleteOptions.Background);
        }
    }

    /// <summary>A dependent went away: an owner waiting in foreground deletion may now be done.</summary>
    public void DependentRemoved(JsonObject dependent)
    {
        foreach (var ownerUid in ObjectMeta.OwnerReferences(dependent).Select(r => JsonDoc.String(r, "uid")).OfType<string>())
        {
            if (store.Dependents(ownerUid).Count > 0 || store.FindByUid(ownerUid) is not { } owner) continue;
            if (ObjectMeta.Finalizers(owner.Object).Contains(Lifecycle.ForegroundFinalizer))
            {
                lifecycle.RemoveFinalizer(owner.Resource, ObjectMeta.Namespace(owner.Object), ObjectMeta.Name(owner.Object),
                    Lifecycle.ForegroundFinalizer);
            }
        }
    }

    public void DeleteDependentsOf(GroupResource resource, JsonObject owner)
    {
        var uid = ObjectMeta.Uid(owner)!;
        var dependents = store.Dependents(uid);
        foreach (var (dependentResource, dependent) in dependents)
        {
            lifecycle.DeleteIfPresent(dependentResource, dependent, new DeleteOptions(Propagation.Foreground, null, null));
        }
        if (store.Dependents(uid).Count == 0)
        {
            lifecycle.RemoveFinalizer(resource, ObjectMeta.Namespace(owner), ObjectMeta.Name(owner), Lifecycle.ForegroundFinalizer);
        }
    }

    public void Orphan(string ownerUid)
    {
        foreach (var (resource, dependent) in store.Dependents(ownerUid)) StripReferences(resource, dependent, ownerUid);
    }

    private void StripReferences(GroupResource resource, JsonObject dependent, string ownerUid)
    {
        if (registry.FindAnyVersion(resource) is null) return;
        var result = store.Change(resource, ObjectMeta.Namespace(dependent), ObjectMeta.Name(dependent), current =>
        {
            if (current["metadata"]?["ownerReferences"] is not JsonArray refs) return Change.Keep;
            foreach (var r in refs.OfType<JsonObject>().Where(r => JsonDoc.String(r, "uid") == ownerUid).ToList()) refs.Remove(r);
            if (refs.Count == 0) JsonDoc.Metadata(current).Remove("ownerReferences");
            return Change.Replace(current);
        }, () => Api.Errors.NoSuchResource());
        lifecycle.AfterChange(resource, result);
    }
}
