using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// List, then watch from the list's resourceVersion, keeping a cache and telling subscribers of every
/// change. The resourceVersion follows every event, bookmarks included, so a reconnect resumes exactly
/// where the last one stopped; a 410 leads to a re-list whose differences are published as changes.
/// </summary>
public sealed class Informer<T> : IHealthSource, IAsyncDisposable where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatch<T> source;
    private readonly InformerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly OperatorMetrics? metrics;
    private readonly InformerCache<T> cache = new();
    private readonly List<Action<InformerEvent<T>>> handlers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActivityClock activity = new();
    private readonly ActivityClock lastEvent = new();
    private readonly ActivityClock lastSync = new();
    private readonly CancellationTokenSource stop = new();
    private string resourceVersion = "";
    private Task? loop;
    private int lists;
    private int watchRestarts;

    public Informer(IListWatch<T> source, InformerOptions? options = null, TimeProvider? time = null,
        ILogger? logger = null, OperatorMetrics? metrics = null)
    {
        this.source = source;
        this.options = options ?? new InformerOptions();
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        this.metrics = metrics;
    }

    public string Name => $"informer/{source.Resource}";

    public string ResourceVersion => Volatile.Read(ref resourceVersion);

    public DateTimeOffset LastEventAt => lastEvent.Last;

    public DateTimeOffset LastSyncAt => lastSync.Last;

    public int Lists => Volatile.Read(ref lists);

    public int WatchRestarts => Volatile.Read(ref watchRestarts);

    public bool HasSynced => synced.Task.IsCompletedSuccessfully;

    public T? Get(string ns, string name) => cache.Get(new ObjectKey(ns, name));

    public T? Get(ObjectKey key) => cache.Get(key);

    public IReadOnlyList<T> List() => cache.List();

    /// <summary>Handlers run on the informer's loop, in order; keep them short (enqueue a key).</summary>
    public void Subscribe(Action<InformerEvent<T>> handler)
    {
        if (loop is not null)
        {
            throw new InvalidOperationException("subscribe before Start, or the first list's additions are missed");
        }
        handlers.Add(handler);
    }

    public void Start()
    {
        activity.Mark(time.GetUtcNow());
        loop ??= Task.Run(() => RunAsync(stop.Token));
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    /// <summary>True when nothing (event, bookmark, list, opened watch) has come from the server within <paramref name="threshold"/>.</summary>
    public bool IsStale(TimeSpan threshold) => activity.OlderThan(threshold, time.GetUtcNow());

    public string? Problem(DateTimeOffset now)
    {
        if (loop is { IsFaulted: true })
        {
            return $"{Name}: loop crashed: {loop.Exception?.InnerException?.Message}";
        }
        var threshold = options.EffectiveStaleAfter;
        return activity.OlderThan(threshold, now)
            ? $"{Name}: no event, bookmark or reconnect since {activity.Last:O} (threshold {threshold})"
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
        stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var backoff = new ExponentialBackoff(options.InitialRetryDelay, options.MaxRetryDelay);
        var needList = true;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAsync(ct).ConfigureAwait(false);
                    needList = false;
                }
                await WatchAsync(ct).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (WatchExpiredException e)
            {
                logger.LogInformation("{Resource}: {Message}; re-listing", source.Resource, e.Message);
                needList = true;
            }
            catch (Exception e)
            {
                var delay = backoff.Delay(failures++);
                logger.LogWarning(e, "{Resource}: list/watch failed; retrying in {Delay}", source.Resource, delay);
                try
                {
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            Interlocked.Increment(ref watchRestarts);
            metrics?.WatchRestarted(source.Resource);
        }
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var list = await source.ListAsync(ct).ConfigureAwait(false);
        var changes = cache.Replace(list.Items);
        Volatile.Write(ref resourceVersion, list.ResourceVersion);
        Interlocked.Increment(ref lists);
        var now = time.GetUtcNow();
        lastSync.Mark(now);
        activity.Mark(now);
        foreach (var change in changes)
        {
            Publish(change);
        }
        synced.TrySetResult();
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        var timeoutSeconds = (int)options.MinWatchTimeout.TotalSeconds;
        timeoutSeconds = Math.Max(1, timeoutSeconds + Random.Shared.Next(Math.Max(1, timeoutSeconds)));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds) + options.ClientTimeoutGrace, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, guard.Token);
        try
        {
            var events = await source.OpenWatchAsync(ResourceVersion, timeoutSeconds, linked.Token).ConfigureAwait(false);
            activity.Mark(time.GetUtcNow());
            await foreach (var (type, obj) in events.ConfigureAwait(false))
            {
                Apply(type, obj);
            }
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            logger.LogInformation("{Resource}: watch outlived its timeout by {Grace}; reopening", source.Resource, options.ClientTimeoutGrace);
        }
    }

    private void Apply(WatchEventType type, T obj)
    {
        switch (type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                Publish(cache.Upsert(obj));
                break;
            case WatchEventType.Deleted:
                Publish(cache.Remove(obj));
                break;
            case WatchEventType.Bookmark:
                // Carries only metadata.resourceVersion: the point up to which nothing we watch changed.
                break;
            default:
                return;
        }
        if (obj.Metadata?.ResourceVersion is { Length: > 0 } rv)
        {
            Volatile.Write(ref resourceVersion, rv);
        }
        var now = time.GetUtcNow();
        lastEvent.Mark(now);
        activity.Mark(now);
    }

    private void Publish(InformerEvent<T> change)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Resource}: handler failed on {Type} {Key}", source.Resource, change.Type, ObjectKey.Of(change.Object));
            }
        }
    }
}
