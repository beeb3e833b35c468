namespace Flowgen.Operator.Kubernetes;

/// <summary>A last-seen timestamp written by one thread and read by health checks on others.</summary>
internal sealed class ActivityClock
{
    private long ticks = DateTimeOffset.MinValue.UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Mark(DateTimeOffset at) => Interlocked.Exchange(ref ticks, at.UtcTicks);

    public bool OlderThan(TimeSpan threshold, DateTimeOffset now) => now - Last > threshold;
}
