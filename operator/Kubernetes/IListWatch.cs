using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>A list and the resourceVersion it was read at.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);

/// <summary>The two calls an informer makes against one resource collection.</summary>
public interface IListWatch<T> where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>A short name for logs and metrics, e.g. "pods".</summary>
    string Resource { get; }

    Task<ListResult<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a watch from <paramref name="resourceVersion"/> (asking for bookmarks) and returns once the
    /// server has answered. Throws <see cref="WatchExpiredException"/> for 410, both when opening and as a
    /// stream error, and <see cref="WatchFailedException"/> for any other error event.
    /// </summary>
    Task<IAsyncEnumerable<(WatchEventType Type, T Object)>> OpenWatchAsync(
        string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken);
}
