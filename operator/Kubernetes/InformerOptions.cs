namespace Flowgen.Operator.Kubernetes;

public sealed record InformerOptions
{
    /// <summary>
    /// Each watch asks the server to end it after a random time in [MinWatchTimeout, 2 × MinWatchTimeout)
    /// (client-go's reflector does the same, 5 minutes by default), so reconnects of many informers spread out.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long past its timeoutSeconds a watch may stay open before we cut it ourselves (a server that ignores the timeout, a half-open connection).</summary>
    public TimeSpan ClientTimeoutGrace { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The informer is stale when it has had no event, bookmark, list or opened watch for this long.
    /// A healthy watch is reopened at least every 2 × MinWatchTimeout + grace, so the default leaves a minute on top.
    /// </summary>
    public TimeSpan? StaleAfter { get; init; }

    public TimeSpan EffectiveStaleAfter => StaleAfter ?? (2 * MinWatchTimeout) + ClientTimeoutGrace + TimeSpan.FromMinutes(1);
}
