using System.Collections.Concurrent;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// Per-key retry delays that double with each failure of that key and reset on <see cref="Forget"/>
/// (client-go's ItemExponentialFailureRateLimiter).
/// </summary>
public sealed class PerKeyBackoff<TKey>(ExponentialBackoff backoff) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> failures = new();

    public TimeSpan Next(TKey key)
    {
        var attempt = failures.AddOrUpdate(key, 1, (_, n) => n + 1) - 1;
        return backoff.Delay(attempt);
    }

    public int Failures(TKey key) => failures.GetValueOrDefault(key);

    public void Forget(TKey key) => failures.TryRemove(key, out _);
}
