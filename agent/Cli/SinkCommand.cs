using Flowgen.Control;
using Flowgen.Engine;
using Microsoft.AspNetCore.Builder;

namespace Flowgen.Cli;

/// <summary>`flowgen sink [options] IFACE`: counts test traffic until stopped.</summary>
internal static class SinkCommand
{
    /// <summary>How long open scrapes get to finish when the sink stops.</summary>
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        SinkOptions options = SinkOptions.Parse(args);
        HostRequirements.EnsurePrivileged();
        var iface = TargetInterface.Find(options.Interface);
        using var stop = new StopRequests();
        using var sink = SinkProgram.Attach(iface, options.Pass, options.Verify, options.TimelineBin);
        Func<SequenceVerification>? verification = options.Verify ? sink.ReadVerification : null;
        // Declared after the sink, so it stops serving before the sink's maps are closed.
        await using WebApplication? server = await StartMetricsAsync(options, sink, verification, iface.Name);
        var reporter = new SinkReporter(Console.Out, options.Json, verification);
        reporter.Attached(iface.Name, iface.Index, options.Pass);
        await IntervalLoop.RunAsync(sink.ReadCounters, reporter, options.Interval, options.Duration, stop.Token);
        if (options.TimelineBin is { } bin)
            reporter.Timeline(sink.ReadTimeline(), bin);
        if (server is not null)
        {
            using var shutdown = new CancellationTokenSource(ShutdownWait);
            await server.StopAsync(shutdown.Token);
        }
        return ExitCodes.Done;
    }

    /// <summary>With --metrics-port, a server of the sink's /metrics, listening; otherwise null.</summary>
    private static async Task<WebApplication?> StartMetricsAsync(
        SinkOptions options, SinkProgram sink, Func<SequenceVerification>? verification, string iface)
    {
        if (options.MetricsPort is not { } port)
            return null;
        var metrics = new SinkMetrics(sink.ReadCounters, verification, iface);
        // No logs: stdout holds the sink's reports (JSON lines with --json).
        WebApplication server = HttpListenerHost.Create(options.MetricsBind, port, _ => { });
        MetricsEndpoint.Map(server, metrics.ExportAsync);
        try
        {
            await HttpListenerHost.StartAsync(server, options.MetricsBind, port);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
