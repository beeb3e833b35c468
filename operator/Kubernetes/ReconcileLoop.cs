using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// N workers taking keys from a <see cref="WorkQueue{TKey}"/> and calling the reconciler.
/// Success forgets the key's failures (and schedules the requested requeue); an exception
/// retries the key with its growing backoff.
/// </summary>
public sealed class ReconcileLoop<TKey>(
    WorkQueue<TKey> queue,
    Func<TKey, CancellationToken, Task<ReconcileResult>> reconcile,
    int workers = 2,
    OperatorMetrics? metrics = null,
    ILogger? logger = null) where TKey : notnull
{
    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires, then shuts the queue down and waits for the workers.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var shutdownOnCancel = cancellationToken.Register(queue.ShutDown);
        var tasks = Enumerable.Range(0, Math.Max(1, workers))
            .Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None));
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        while (true)
        {
            var (ok, key) = await queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (!ok)
            {
                return;
            }
            try
            {
                await ProcessAsync(key, ct).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(TKey key, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await reconcile(key, ct).ConfigureAwait(false);
            queue.Forget(key);
            if (result.Requeue is { } delay)
            {
                queue.AddAfter(key, delay);
            }
            metrics?.Reconciled(result.Requeue is null ? "success" : "requeue", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the next leader picks the key up from its own informer.
        }
        catch (Exception e)
        {
            var retryIn = queue.AddRateLimited(key);
            metrics?.Reconciled("error", Stopwatch.GetElapsedTime(started));
            log.LogWarning(e, "reconcile of {Key} failed; retrying in {Delay}", key, retryIn);
        }
    }
}
