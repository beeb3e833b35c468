namespace Flowgen.Operator.Kubernetes;

public sealed record WorkQueueOptions
{
    /// <summary>First retry delay of a failing key (client-go's default controller limiter starts at 5 ms).</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);
}
