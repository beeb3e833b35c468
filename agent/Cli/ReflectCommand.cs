using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen reflect [options] IFACE`: turns probes back to their sender until stopped.</summary>
internal static class ReflectCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ReflectOptions options = ReflectOptions.Parse(args);
        HostRequirements.EnsurePrivileged();
        var iface = TargetInterface.Find(options.Interface);
        using var stop = new StopRequests();
        using var reflector = ReflectProgram.Attach(iface);
        var reporter = new ReflectReporter(Console.Out, options.Json);
        reporter.Attached(iface.Name, iface.Index);
        await IntervalLoop.RunAsync(reflector.ReadCounters, reporter, options.Interval, options.Duration, stop.Token);
        return ExitCodes.Done;
    }
}
