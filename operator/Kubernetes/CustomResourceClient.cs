using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>Typed calls on one namespaced custom resource through KubernetesClient's CustomObjects API.</summary>
public sealed class CustomResourceClient<T>(IKubernetes client, CustomResourceInfo resource)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public CustomResourceInfo Resource => resource;

    public IKubernetes Client => client;

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(
                resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public Task<T> PatchAsync(string ns, string name, V1Patch patch, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(
            patch, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: cancellationToken);

    /// <summary>Patches the /status subresource: the server ignores everything but status there.</summary>
    public Task<T> PatchStatusAsync(string ns, string name, V1Patch patch, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<T>(
            patch, resource.Group, resource.Version, ns, resource.Plural, name, cancellationToken: cancellationToken);
}
