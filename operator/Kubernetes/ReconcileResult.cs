namespace Flowgen.Operator.Kubernetes;

/// <summary>What a reconcile asks of the queue: nothing more, or another look after a delay.</summary>
public readonly record struct ReconcileResult(TimeSpan? Requeue)
{
    public static ReconcileResult Done => new(null);

    public static ReconcileResult RequeueAfter(TimeSpan delay) => new(delay);
}
