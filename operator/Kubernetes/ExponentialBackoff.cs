namespace Flowgen.Operator.Kubernetes;

/// <summary>initial × 2^attempt, capped at max.</summary>
public readonly record struct ExponentialBackoff(TimeSpan Initial, TimeSpan Max)
{
    public TimeSpan Delay(int attempt)
    {
        // Past 2^40 any sane initial is beyond any sane cap; stopping there avoids overflow.
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 40));
        var ticks = Initial.Ticks * factor;
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
