using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// Leader election on a Lease, as client-go's leaderelection does it: take the lease when it is free or
/// has lapsed, renew it every RetryPeriod, and stop leading when renewals fail for RenewDeadline.
/// Every write is a PUT carrying the resourceVersion we read, so two candidates racing for one lease
/// get one success and one 409.
/// </summary>
public sealed class LeaderElector : IHealthSource
{
    private readonly IKubernetes client;
    private readonly LeaderElectionOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly OperatorMetrics? metrics;
    private readonly ActivityClock contact = new();
    private string observedFingerprint = "";
    private DateTimeOffset observedAt;
    private volatile bool isLeader;
    private volatile bool running;

    public LeaderElector(IKubernetes client, LeaderElectionOptions options, TimeProvider? time = null,
        ILogger? logger = null, OperatorMetrics? metrics = null)
    {
        options.Validate();
        this.client = client;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        this.metrics = metrics;
    }

    /// <summary>Runs while leading; its token is cancelled when leadership is lost or the elector stops.</summary>
    public Func<CancellationToken, Task>? OnStartedLeading { get; set; }

    public Action? OnStoppedLeading { get; set; }

    public bool IsLeader => isLeader;

    public string Name => $"leader-election/{options.LeaseName}";

    public DateTimeOffset LastContactAt => contact.Last;

    public string? Problem(DateTimeOffset now)
    {
        var threshold = options.LeaseDuration + options.RetryPeriod;
        return running && contact.OlderThan(threshold, now)
            ? $"{Name}: no answer from the API server since {contact.Last:O}"
            : null;
    }

    /// <summary>Campaigns, leads, and campaigns again after losing, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        running = true;
        contact.Mark(time.GetUtcNow());
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                while (!await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
                {
                    await Task.Delay(options.RetryPeriod, time, cancellationToken).ConfigureAwait(false);
                }
                await LeadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            running = false;
        }
    }

    private async Task LeadAsync(CancellationToken ct)
    {
        logger.LogInformation("{Identity} is now leading ({Lease})", options.Identity, options.LeaseName);
        SetLeader(true);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(() => OnStartedLeading?.Invoke(leading.Token) ?? Task.CompletedTask, CancellationToken.None);
        try
        {
            var lastRenew = time.GetUtcNow();
            while (true)
            {
                await Task.Delay(options.RetryPeriod, time, ct).ConfigureAwait(false);
                if (await TryAcquireOrRenewAsync(ct).ConfigureAwait(false))
                {
                    lastRenew = time.GetUtcNow();
                }
                else if (time.GetUtcNow() - lastRenew > options.RenewDeadline)
                {
                    logger.LogWarning("{Identity} could not renew {Lease} within {Deadline}; stepping down",
                        options.Identity, options.LeaseName, options.RenewDeadline);
                    return;
                }
            }
        }
        finally
        {
            SetLeader(false);
            await leading.CancelAsync().ConfigureAwait(false);
            await StopWorkAsync(work).ConfigureAwait(false);
            if (ct.IsCancellationRequested && options.ReleaseOnCancel)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }
            OnStoppedLeading?.Invoke();
        }
    }

    private async Task StopWorkAsync(Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "leader work of {Identity} failed", options.Identity);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void SetLeader(bool value)
    {
        isLeader = value;
        metrics?.SetLeader(value);
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken ct)
    {
        V1Lease? lease;
        try
        {
            lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, options.Namespace, cancellationToken: ct)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            lease = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "reading lease {Lease} failed", options.LeaseName);
            return false;
        }
        var now = time.GetUtcNow();
        contact.Mark(now);
        return lease is null ? await CreateAsync(now, ct).ConfigureAwait(false) : await ClaimAsync(lease, now, ct).ConfigureAwait(false);
    }

    private async Task<bool> CreateAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = options.Namespace },
            Spec = LeaseRecord.Claim(null, options.Identity, options.LeaseDuration, now.UtcDateTime),
        };
        return await WriteAsync(() => client.CoordinationV1.CreateNamespacedLeaseAsync(lease, options.Namespace, cancellationToken: ct), now)
            .ConfigureAwait(false);
    }

    private async Task<bool> ClaimAsync(V1Lease lease, DateTimeOffset now, CancellationToken ct)
    {
        // Expiry is judged by when *we* last saw the record change, not by its renewTime, so clocks
        // that disagree between nodes cannot make a live lease look lapsed (client-go does the same).
        var fingerprint = LeaseRecord.Fingerprint(lease.Spec);
        if (fingerprint != observedFingerprint)
        {
            observedFingerprint = fingerprint;
            observedAt = now;
        }
        if (LeaseRecord.HeldByOther(lease.Spec, options.Identity)
            && observedAt + TimeSpan.FromSeconds(lease.Spec!.LeaseDurationSeconds ?? 0) > now)
        {
            return false;
        }
        lease.Spec = LeaseRecord.Claim(lease.Spec, options.Identity, options.LeaseDuration, now.UtcDateTime);
        return await WriteAsync(
            () => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, options.LeaseName, options.Namespace, cancellationToken: ct), now)
            .ConfigureAwait(false);
    }

    private async Task<bool> WriteAsync(Func<Task<V1Lease>> write, DateTimeOffset now)
    {
        try
        {
            var written = await write().ConfigureAwait(false);
            observedFingerprint = LeaseRecord.Fingerprint(written.Spec);
            observedAt = now;
            contact.Mark(now);
            return true;
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            // Someone wrote the lease since we read it; the next attempt reads it afresh.
            contact.Mark(now);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "writing lease {Lease} failed", options.LeaseName);
            return false;
        }
    }

    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, options.Namespace, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != options.Identity)
            {
                return;
            }
            lease.Spec = LeaseRecord.Released(lease.Spec, time.GetUtcNow().UtcDateTime);
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, options.LeaseName, options.Namespace, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            logger.LogInformation("{Identity} released {Lease}", options.Identity, options.LeaseName);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "releasing lease {Lease} failed; others take it after it lapses", options.LeaseName);
        }
    }
}
