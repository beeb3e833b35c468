using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// <c>flowgen reflect --json -I 0.1 IFACE</c> on the bed's sink interface, started and attached. Stop it
/// with <see cref="StopAsync"/>; disposing kills it if a test did not stop it.
/// </summary>
public sealed class RunningReflector : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Its own bound, far beyond any test, so it ends even if nothing stops it.
    const string SafetyDuration = "120s";

    RunningReflector(FlowgenProcess process) => Process = process;

    public FlowgenProcess Process { get; }

    public static async Task<RunningReflector> StartAsync(IGeneratorSinkBed bed)
    {
        var process = FlowgenProcess.Start(bed.SinkNamespace, ["reflect", "--json", "-I", "0.1", "--duration", SafetyDuration, bed.SinkInterface]);
        try
        {
            await process.WaitForLineAsync(line => JsonEvent.Is(line, "attached"), Patience);
            return new RunningReflector(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops it with SIGINT; it must exit 0; returns the probes it reflected.</summary>
    public async Task<long> StopAsync()
    {
        Process.Signal("INT");
        var exitCode = await Process.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"the reflector exited with {exitCode} after SIGINT\n{Process.Describe()}");
        return JsonEvent.Single(Process.StdoutLines, "summary", Process.Describe()).Integer("reflected");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
