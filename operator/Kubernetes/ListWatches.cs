using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>Ready-made list-watch sources. A null namespace means all namespaces.</summary>
public static class ListWatches
{
    public static KubernetesListWatch<V1Pod, V1PodList> Pods(IKubernetes client, string? ns = null, string? labelSelector = null) =>
        new("pods", (o, ct) => ns is null
            ? client.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: o.AllowWatchBookmarks, labelSelector: labelSelector, resourceVersion: o.ResourceVersion,
                timeoutSeconds: o.TimeoutSeconds, watch: o.Watch, cancellationToken: ct)
            : client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(
                ns, allowWatchBookmarks: o.AllowWatchBookmarks, labelSelector: labelSelector, resourceVersion: o.ResourceVersion,
                timeoutSeconds: o.TimeoutSeconds, watch: o.Watch, cancellationToken: ct));

    public static KubernetesListWatch<T, TList> CustomObjects<T, TList>(
        IKubernetes client, CustomResourceInfo resource, string? ns = null, string? labelSelector = null)
        where T : IKubernetesObject<V1ObjectMeta>
        where TList : IKubernetesObject<V1ListMeta>, IItems<T> =>
        new(resource.Plural, (o, ct) => ns is null
            ? client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<TList>(
                resource.Group, resource.Version, resource.Plural, allowWatchBookmarks: o.AllowWatchBookmarks,
                labelSelector: labelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds,
                watch: o.Watch, cancellationToken: ct)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<TList>(
                resource.Group, resource.Version, ns, resource.Plural, allowWatchBookmarks: o.AllowWatchBookmarks,
                labelSelector: labelSelector, resourceVersion: o.ResourceVersion, timeoutSeconds: o.TimeoutSeconds,
                watch: o.Watch, cancellationToken: ct));
}
