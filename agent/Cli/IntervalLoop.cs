using System.Diagnostics;

namespace Flowgen.Cli;

/// <summary>What a command that counts until stopped prints: a line per interval, then a summary.</summary>
internal interface ICountsReporter<in TCounters>
{
    void Interval(TCounters now, TimeSpan at);

    void Summary(TCounters total, TimeSpan elapsed);
}

/// <summary>
/// The life of a command that counts until stopped (sink, wire): a reading every interval until
/// SIGINT, SIGTERM or the duration, then the summary.
/// </summary>
internal static class IntervalLoop
{
    /// <param name="read">Reads the counters (from the BPF maps).</param>
    /// <param name="reporter">Prints each reading, with the time since the start.</param>
    public static async Task RunAsync<TCounters>(
        Func<TCounters> read, ICountsReporter<TCounters> reporter, TimeSpan every, TimeSpan? duration, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(every);
        using var limit = duration is { } d ? new CancellationTokenSource(d) : new CancellationTokenSource();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stop, limit.Token);
        try
        {
            while (await timer.WaitForNextTickAsync(ended.Token))
                reporter.Interval(read(), clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            // Stopped by signal or duration: the summary follows.
        }
        reporter.Summary(read(), clock.Elapsed);
    }
}
