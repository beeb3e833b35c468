using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Controllers;

/// <summary>Namespace termination: a deleted namespace is Terminating until everything in it is gone.</summary>
internal sealed class NamespaceController(ObjectStore store, ResourceRegistry registry, Lifecycle lifecycle)
{
    public const string Finalizer = "kubernetes";

    public bool HasContent(string ns) => Content(ns).Any();

    public void AfterChange(GroupResource resource, JsonObject obj, bool removed)
    {
        if (resource == BuiltinResources.Namespaces && !removed && ObjectMeta.IsDeleting(obj))
        {
            var name = ObjectMeta.Name(obj);
            if (JsonDoc.String(obj["status"], "phase") != "Terminating") MarkTerminating(name);
            foreach (var (r, o) in Content(name).ToList()) lifecycle.DeleteIfPresent(r, o, DeleteOptions.Background);
            Finish(name);
        }
        else if (removed && ObjectMeta.Namespace(obj) is { } ns && store.Get(BuiltinResources.Namespaces, null, ns) is { } owner &&
                 ObjectMeta.IsDeleting(owner))
        {
            Finish(ns);
        }
    }

    private void Finish(string ns)
    {
        if (!HasContent(ns)) lifecycle.RemoveFinalizer(BuiltinResources.Namespaces, null, ns, Finalizer);
    }

    private void MarkTerminating(string ns) =>
        store.Change(BuiltinResources.Namespaces, null, ns, current =>
        {
            current["status"] = new JsonObject { ["phase"] = "Terminating" };
            return Change.Replace(current);
        }, () => Api.Errors.NamespaceNotFound(ns));

    private IEnumerable<(GroupResource, JsonObject)> Content(string ns) =>
        registry.All.Where(t => t.Namespaced).Select(t => t.GroupResource).Distinct()
            .SelectMany(r => store.List(r, ns).Items.Select(o => (r, o)));
}
