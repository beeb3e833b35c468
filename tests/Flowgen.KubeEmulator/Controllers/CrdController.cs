using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Controllers;

/// <summary>
/// Serves a CRD's resources once it is stored (reporting it Established), and on deletion removes its custom
/// objects before the CRD itself goes, as the apiextensions server's cleanup finalizer does.
/// </summary>
internal sealed class CrdController(ObjectStore store, ResourceRegistry registry, Lifecycle lifecycle)
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public bool HasObjects(JsonObject crd) => store.List(ServedResource(crd), null).Items.Count > 0;

    public void AfterChange(GroupResource resource, JsonObject obj, bool removed)
    {
        if (resource == BuiltinResources.Crds)
        {
            if (removed) registry.RemoveCrd(ObjectMeta.Name(obj));
            else if (ObjectMeta.IsDeleting(obj)) Cleanup(obj);
            else Establish(obj);
        }
        else if (removed && store.Get(BuiltinResources.Crds, null, resource.ToString()) is { } crd && ObjectMeta.IsDeleting(crd))
        {
            if (!HasObjects(crd)) lifecycle.RemoveFinalizer(BuiltinResources.Crds, null, ObjectMeta.Name(crd), CleanupFinalizer);
        }
    }

    private void Establish(JsonObject crd)
    {
        registry.SetCrd(ObjectMeta.Name(crd), CrdResources.Served(crd));
        var status = new JsonObject
        {
            ["acceptedNames"] = crd["spec"]?["names"]?.DeepClone(),
            ["storedVersions"] = new JsonArray((crd["spec"]?["versions"] as JsonArray ?? [])
                .Where(v => v?["storage"]?.GetValue<bool>() == true)
                .Select(v => (JsonNode)JsonValue.Create(JsonDoc.String(v, "name"))!).ToArray()),
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
        };
        var result = store.Change(BuiltinResources.Crds, null, ObjectMeta.Name(crd), current =>
        {
            if (JsonDoc.DeepEquals(current["status"]?["acceptedNames"], status["acceptedNames"])) return Change.Keep;
            current["status"] = status;
            return Change.Replace(current);
        }, () => Api.Errors.NoSuchResource());
        lifecycle.AfterChange(BuiltinResources.Crds, result);
    }

    private void Cleanup(JsonObject crd)
    {
        var resource = ServedResource(crd);
        foreach (var obj in store.List(resource, null).Items) lifecycle.DeleteIfPresent(resource, obj, DeleteOptions.Background);
        if (!HasObjects(crd)) lifecycle.RemoveFinalizer(BuiltinResources.Crds, null, ObjectMeta.Name(crd), CleanupFinalizer);
    }

    private static GroupResource ServedResource(JsonObject crd) =>
        new(JsonDoc.String(crd["spec"], "group") ?? "", JsonDoc.String(crd["spec"]?["names"], "plural") ?? "");

    private static JsonObject Condition(string type, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
        ["lastTransitionTime"] = JsonDoc.Now(),
    };
}
