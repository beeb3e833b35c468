using System.Diagnostics;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>Runs a generator to its end, reporting every interval; a stop request ends it early.</summary>
internal static class GeneratorSession
{
    public static Task<RunOutcome> RunAsync(
        LiveFramesGenerator generator, TimeSpan interval, Action<GeneratorCounters, TimeSpan> onInterval, CancellationToken stop) =>
        RunAsync(generator.RunAsync, generator.Stop, generator.ReadCounters, interval, onInterval, stop);

    /// <param name="run">Starts the run; its task completes when the run has ended.</param>
    /// <param name="requestStop">Asks the run to end early (on <paramref name="stop"/>).</param>
    /// <param name="read">Reads the counters for an interval line.</param>
    public static async Task<TOutcome> RunAsync<TCounters, TOutcome>(
        Func<Task<TOutcome>> run, Action requestStop, Func<TCounters> read, TimeSpan interval,
        Action<TCounters, TimeSpan> onInterval, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        Task<TOutcome> running = run();
        using CancellationTokenRegistration onStop = stop.Register(requestStop);
        using var timer = new PeriodicTimer(interval);
        while (true)
        {
            Task<bool> tick = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
            if (await Task.WhenAny(running, tick) == running)
                return await running;
            onInterval(read(), clock.Elapsed);
        }
    }
}
