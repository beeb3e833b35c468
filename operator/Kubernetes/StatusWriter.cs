using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// Writes status through the status subresource with optimistic concurrency: read, compute the status
/// from what was read, merge-patch it with the read resourceVersion as precondition; on 409 read again
/// and compute again, so a status built from fresh data is never overwritten by one built from stale data.
/// </summary>
public sealed class StatusWriter<T>(CustomResourceClient<T> resources, int maxAttempts = 5, ILogger? logger = null)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>
    /// Patches status to what <paramref name="computeStatus"/> returns for the current object, and returns
    /// the updated object; null when the object is gone, or when computeStatus returns null (nothing to write).
    /// </summary>
    public async Task<T?> UpdateAsync(string ns, string name, Func<T, object?> computeStatus, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await resources.GetAsync(ns, name, cancellationToken).ConfigureAwait(false);
            if (current is null || computeStatus(current) is not { } status)
            {
                return null;
            }
            var patch = MergePatch.Create(new JsonObject { ["status"] = MergePatch.ToNode(status) }, current.Metadata.ResourceVersion);
            try
            {
                return await resources.PatchStatusAsync(ns, name, patch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ApiErrors.IsConflict(e) && attempt < maxAttempts)
            {
                log.LogDebug("status of {Ns}/{Name} changed under us (attempt {Attempt}); re-reading", ns, name, attempt);
            }
        }
    }
}
