namespace Flowgen.Operator.Kubernetes;

/// <summary>client-go's defaults: 15 s lease, 10 s renew deadline, 2 s retry.</summary>
public sealed record LeaderElectionOptions(string Namespace, string LeaseName, string Identity)
{
    /// <summary>How long others wait, after they last saw the lease change, before taking it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps leading without a successful renew; must be below LeaseDuration so it stops before anyone else may start.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On shutdown, hand the lease back so a standby takes over at once instead of after LeaseDuration.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    public void Validate()
    {
        if (!(LeaseDuration > RenewDeadline && RenewDeadline > RetryPeriod && RetryPeriod > TimeSpan.Zero))
        {
            throw new ArgumentException("need LeaseDuration > RenewDeadline > RetryPeriod > 0");
        }
    }
}
