namespace Flowgen.Tests.Operator.Runtime;

/// <summary>Wall-clock reads a test can move forward; timers stay real.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
