using System.Diagnostics;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>Runs a generator to its end, reporting every interval; a stop request ends it early.</summary>
internal static class GeneratorSession
{
    public static async Task<RunOutcome> RunAsync(
        LiveFramesGenerator generator, TimeSpan interval, Action<GeneratorCounters, TimeSpan> onInterval, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        Task<RunOutcome> run = generator.RunAsync();
        using CancellationTokenRegistration onStop = stop.Register(generator.Stop);
        using var timer = new PeriodicTimer(interval);
        while (true)
        {
            Task<bool> tick = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
            if (await Task.WhenAny(run, tick) == run)
                return await run;
            onInterval(generator.ReadCounters(), clock.Elapsed);
        }
    }
}
