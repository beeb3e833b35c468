using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// Adds and removes a finalizer. The patch replaces the whole list (merge patches replace arrays) and
/// carries the resourceVersion it was computed from, so a concurrent change to the list is a 409 rather
/// than silently dropping someone else's finalizer.
/// </summary>
public static class Finalizers
{
    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        obj.Metadata?.Finalizers?.Contains(finalizer) == true;

    /// <summary>The patch adding the finalizer, or null when it is already there.</summary>
    public static V1Patch? AddPatch(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        Has(obj, finalizer) ? null : ListPatch(obj, [.. obj.Metadata?.Finalizers ?? [], finalizer]);

    /// <summary>The patch removing the finalizer, or null when it is not there.</summary>
    public static V1Patch? RemovePatch(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        Has(obj, finalizer) ? ListPatch(obj, [.. obj.Metadata.Finalizers.Where(f => f != finalizer)]) : null;

    public static async Task<T> AddAsync<T>(this CustomResourceClient<T> resources, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        AddPatch(obj, finalizer) is { } patch
            ? await resources.PatchAsync(obj.Namespace(), obj.Name(), patch, cancellationToken).ConfigureAwait(false)
            : obj;

    public static async Task<T> RemoveAsync<T>(this CustomResourceClient<T> resources, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RemovePatch(obj, finalizer) is { } patch
            ? await resources.PatchAsync(obj.Namespace(), obj.Name(), patch, cancellationToken).ConfigureAwait(false)
            : obj;

    private static V1Patch ListPatch(IKubernetesObject<V1ObjectMeta> obj, string[] finalizers) =>
        MergePatch.Create(
            new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray([.. finalizers.Select(f => JsonValue.Create(f))]) } },
            obj.Metadata?.ResourceVersion);
}
