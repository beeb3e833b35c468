using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen wire [options] IFACE_A IFACE_B`: a lossy XDP forwarder between two interfaces, until stopped.</summary>
internal static class WireCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        WireOptions options = WireOptions.Parse(args);
        HostRequirements.EnsurePrivileged();
        var a = TargetInterface.Find(options.InterfaceA);
        var b = TargetInterface.Find(options.InterfaceB);
        if (a.Index == b.Index)
            throw new UsageException($"{options.InterfaceA} and {options.InterfaceB} are the same interface: the wire joins two different ones");
        using var stop = new StopRequests();
        using var wire = WireProgram.Attach(a, b, options.Settings);
        var reporter = new WireReporter(Console.Out, options.Json);
        reporter.Attached(options, a.Index, b.Index);
        await IntervalLoop.RunAsync(wire.ReadCounters, reporter, options.Interval, options.Duration, stop.Token);
        return ExitCodes.Done;
    }
}
