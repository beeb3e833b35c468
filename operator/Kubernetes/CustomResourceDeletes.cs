using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

public static class CustomResourceDeletes
{
    /// <summary>Deletes the object; one already gone counts as deleted.</summary>
    public static async Task DeleteAsync<T>(this CustomResourceClient<T> resources, string ns, string name, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var r = resources.Resource;
        try
        {
            await resources.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                r.Group, r.Version, ns, r.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
        }
    }
}
