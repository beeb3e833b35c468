using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>Builds the next state of a coordination.k8s.io/v1 Lease spec for a holder.</summary>
internal static class LeaseRecord
{
    public static bool HeldByOther(V1LeaseSpec? spec, string identity) =>
        !string.IsNullOrEmpty(spec?.HolderIdentity) && spec.HolderIdentity != identity;

    /// <summary>Takes or renews: acquireTime and leaseTransitions change only when the holder changes.</summary>
    public static V1LeaseSpec Claim(V1LeaseSpec? current, string identity, TimeSpan duration, DateTime now)
    {
        var taking = current?.HolderIdentity != identity;
        return new V1LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds),
            AcquireTime = taking ? now : current!.AcquireTime ?? now,
            RenewTime = now,
            LeaseTransitions = taking && current is not null ? (current.LeaseTransitions ?? 0) + 1 : current?.LeaseTransitions ?? 0,
        };
    }

    /// <summary>What client-go writes on release: no holder, and a 1 s duration so the lease reads as lapsed.</summary>
    public static V1LeaseSpec Released(V1LeaseSpec current, DateTime now) => new()
    {
        HolderIdentity = null,
        LeaseDurationSeconds = 1,
        AcquireTime = current.AcquireTime,
        RenewTime = now,
        LeaseTransitions = current.LeaseTransitions,
    };

    /// <summary>The part of the record whose change proves the holder is alive.</summary>
    public static string Fingerprint(V1LeaseSpec? spec) =>
        $"{spec?.HolderIdentity}|{spec?.RenewTime?.Ticks}|{spec?.LeaseTransitions}";
}
