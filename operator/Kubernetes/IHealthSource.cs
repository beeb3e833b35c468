namespace Flowgen.Operator.Kubernetes;

/// <summary>Something /healthz asks: an informer, the leader elector.</summary>
public interface IHealthSource
{
    string Name { get; }

    /// <summary>Null when healthy, else why not.</summary>
    string? Problem(DateTimeOffset now);
}
