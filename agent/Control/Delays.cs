using System.Diagnostics;

namespace Flowgen.Control;

/// <summary>Waits of any length (timers stop at ~25 or ~49 days), and to a wall-clock instant.</summary>
internal static class Delays
{
    private static readonly TimeSpan LongestStep = TimeSpan.FromDays(1);

    /// <summary>A timed wait may end a millisecond or so late; the last stretch to an instant is spun.</summary>
    private static readonly TimeSpan SpinMargin = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Blocks until the wall clock reads <paramref name="instant"/>, within about a tenth of a
    /// millisecond when the thread is not starved — so call it on a thread of its own, not the
    /// thread pool's, whose busy moments delay continuations by up to half a second. The clock
    /// may be set while waiting, so it is read again after every step.
    /// </summary>
    public static void Until(DateTimeOffset instant, CancellationToken ct)
    {
        for (TimeSpan left; (left = instant - DateTimeOffset.UtcNow) > SpinMargin;)
        {
            TimeSpan step = left - SpinMargin;
            if (ct.WaitHandle.WaitOne(step < LongestStep ? step : LongestStep))
                throw new OperationCanceledException(ct);
        }
        while (DateTimeOffset.UtcNow < instant)
        {
            ct.ThrowIfCancellationRequested();
            Thread.SpinWait(100);
        }
    }

    /// <summary>For <paramref name="span"/> of elapsed time, whatever the wall clock does.</summary>
    public static async Task ForAsync(TimeSpan span, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (TimeSpan left; (left = span - clock.Elapsed) > TimeSpan.Zero;)
            await Task.Delay(left < LongestStep ? left : LongestStep, ct);
    }
}
