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
        using var sink = SinkProgram.Attach(iface, options.Pass, options.Verify, options.TimelineBin);
        Func<SequenceVerification>? verification = options.Verify ? sink.ReadVerification : null;
        var reporter = new SinkReporter(Console.Out, options.Json, verification);
        reporter.Attached(iface.Name, iface.Index, options.Pass);
        await IntervalLoop.RunAsync(sink.ReadCounters, reporter, options.Interval, options.Duration, stop.Token);
        if (options.TimelineBin is { } bin)
            reporter.Timeline(sink.ReadTimeline(), bin);
        return ExitCodes.Done;
    }
}
