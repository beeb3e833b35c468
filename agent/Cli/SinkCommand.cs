using System.Diagnostics;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen sink [options] IFACE`: counts test traffic until stopped.</summary>
internal static class SinkCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        SinkOptions options = SinkOptions.Parse(args);
        HostRequirements.EnsurePrivileged();
        var iface = TargetInterface.Find(options.Interface);
        using var stop = new StopRequests();
        using var sink = SinkProgram.Attach(iface, options.Pass);
        var reporter = new SinkReporter(Console.Out, options.Json);
        var clock = Stopwatch.StartNew();
        reporter.Attached(iface.Name, iface.Index, options.Pass);

        using var timer = new PeriodicTimer(options.Interval);
        using var limit = options.Duration is { } duration ? new CancellationTokenSource(duration) : new CancellationTokenSource();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, limit.Token);
        try
        {
            while (await timer.WaitForNextTickAsync(ended.Token))
                reporter.Interval(sink.ReadCounters(), clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            // Stopped by signal or duration: the summary follows.
        }
        reporter.Summary(sink.ReadCounters(), clock.Elapsed);
        return ExitCodes.Done;
    }
}
