namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// A de-duplicating queue of keys to reconcile, shaped after client-go's workqueue:
/// a key added several times while waiting is handed out once; a key added while it is being
/// processed is handed out again only after <see cref="Done"/>, so one key is never processed
/// by two workers at once. Retries back off per key; <see cref="AddAfter"/> schedules a requeue.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Queue<TKey> ready = new();
    private readonly HashSet<TKey> dirty = [];
    private readonly HashSet<TKey> processing = [];
    private readonly Dictionary<TKey, DateTimeOffset> waiting = [];
    private readonly SemaphoreSlim available = new(0);
    private readonly CancellationTokenSource shutdown = new();
    private readonly PerKeyBackoff<TKey> retries;
    private readonly TimeProvider time;

    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? time = null)
    {
        options ??= new WorkQueueOptions();
        retries = new PerKeyBackoff<TKey>(new ExponentialBackoff(options.InitialRetryDelay, options.MaxRetryDelay));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Keys ready to be handed out.</summary>
    public int Count
    {
        get { lock (gate) { return ready.Count; } }
    }

    public bool IsShutDown => shutdown.IsCancellationRequested;

    public void Add(TKey key)
    {
        lock (gate)
        {
            if (IsShutDown || !dirty.Add(key) || processing.Contains(key))
            {
                return;
            }
            ready.Enqueue(key);
            available.Release();
        }
    }

    /// <summary>Adds the key after <paramref name="delay"/>; of several pending delays for one key the earliest wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }
        var due = time.GetUtcNow() + delay;
        lock (gate)
        {
            if (IsShutDown || (waiting.TryGetValue(key, out var earlier) && earlier <= due))
            {
                return;
            }
            waiting[key] = due;
        }
        _ = AddWhenDueAsync(key, due, delay);
    }

    /// <summary>Adds the key after its next backoff delay (5 ms, 10 ms, 20 ms, … up to the cap).</summary>
    public TimeSpan AddRateLimited(TKey key)
    {
        var delay = retries.Next(key);
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Clears the key's failure count, so its next retry starts from the initial delay.</summary>
    public void Forget(TKey key) => retries.Forget(key);

    public int Failures(TKey key) => retries.Failures(key);

    /// <summary>Waits for a key; Ok is false once the queue is shut down. Call <see cref="Done"/> after processing.</summary>
    public async Task<(bool Ok, TKey Key)> GetAsync(CancellationToken cancellationToken)
    {
        if (IsShutDown)
        {
            return (false, default!);
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        while (true)
        {
            try
            {
                await available.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (IsShutDown)
            {
                return (false, default!);
            }
            lock (gate)
            {
                if (IsShutDown)
                {
                    return (false, default!);
                }
                if (ready.TryDequeue(out var key))
                {
                    dirty.Remove(key);
                    processing.Add(key);
                    return (true, key);
                }
            }
        }
    }

    public void Done(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (!IsShutDown && dirty.Contains(key))
            {
                ready.Enqueue(key);
                available.Release();
            }
        }
    }

    /// <summary>Stops handing out keys and drops pending ones; workers see Ok = false.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            shutdown.Cancel();
            ready.Clear();
            dirty.Clear();
            waiting.Clear();
        }
    }

    public void Dispose()
    {
        ShutDown();
        shutdown.Dispose();
        available.Dispose();
    }

    private async Task AddWhenDueAsync(TKey key, DateTimeOffset due, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (gate)
        {
            // A later AddAfter with an earlier due time replaced this one; it adds the key itself.
            if (!waiting.TryGetValue(key, out var current) || current != due)
            {
                return;
            }
            waiting.Remove(key);
        }
        Add(key);
    }
}
