using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// <see cref="IListWatch{T}"/> over one KubernetesClient list method, called with watch=false to list
/// and watch=true to watch. Works for any typed resource, built-in or custom.
/// </summary>
public sealed class KubernetesListWatch<T, TList>(string resource, ListCall<TList> call) : IListWatch<T>
    where T : IKubernetesObject<V1ObjectMeta>
    where TList : IKubernetesObject<V1ListMeta>, IItems<T>
{
    public string Resource { get; } = resource;

    public async Task<ListResult<T>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await call(new ListCallOptions(false, null, null), cancellationToken).ConfigureAwait(false);
        var list = response.Body;
        return new ListResult<T>([.. list.Items ?? []], list.Metadata?.ResourceVersion ?? "");
    }

    public async Task<IAsyncEnumerable<(WatchEventType Type, T Object)>> OpenWatchAsync(
        string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var responseTask = call(new ListCallOptions(true, resourceVersion, timeoutSeconds), cancellationToken);
        try
        {
            await responseTask.ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (ApiErrors.IsGone(e))
        {
            throw new WatchExpiredException($"{Resource}: resourceVersion {resourceVersion} is too old", e);
        }
        return ReadAsync(responseTask, cancellationToken);
    }

    private async IAsyncEnumerable<(WatchEventType, T)> ReadAsync(
        Task<HttpOperationResponse<TList>> openedResponse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // KubernetesClient hands an ERROR event's Status (and a line it cannot parse) to onError and
        // carries on reading. Skipping either would lose an event, so the first one ends this watch:
        // it is remembered, the read is cancelled, and it is rethrown below.
        Exception? streamError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
#pragma warning disable CS0618 // WatchAsync is marked "will be deprecated", but is the only typed watch for custom resources in 21.x.
        var events = openedResponse.WatchAsync<T, TList>(
            e => { streamError ??= e; stop.Cancel(); }, stop.Token);
#pragma warning restore CS0618
        await using var reader = events.GetAsyncEnumerator(stop.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await reader.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (streamError is not null && !cancellationToken.IsCancellationRequested)
            {
                more = false;
            }
            if (streamError is not null)
            {
                throw Translate(streamError);
            }
            if (!more)
            {
                yield break;
            }
            yield return reader.Current;
        }
    }

    private Exception Translate(Exception error) => ApiErrors.IsGone(error)
        ? new WatchExpiredException($"{Resource}: watch expired: {error.Message}", error)
        : new WatchFailedException($"{Resource}: watch failed: {error.Message}", error);
}
