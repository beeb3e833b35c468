using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// <c>flowgen wire --json -I 0.1 [options] wire-a wire-b</c> in a <see cref="WireTestBed"/>'s wire
/// namespace, started and attached: A is the generator's side, B the sink's. Stop it with
/// <see cref="StopAsync"/>; disposing kills it if a test did not stop it.
/// </summary>
public sealed class RunningWire : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Its own bound, far beyond any test, so it ends even if nothing stops it.
    const string SafetyDuration = "120s";

    RunningWire(FlowgenProcess process) => Process = process;

    public FlowgenProcess Process { get; }

    /// <summary>Starts the wire and returns once both XDP programs are attached.</summary>
    public static async Task<RunningWire> StartAsync(WireTestBed bed, params string[] options)
    {
        var process = FlowgenProcess.Start(bed.WireNamespace,
            ["wire", "--json", "-I", "0.1", "--duration", SafetyDuration, .. options, WireTestBed.WireInterfaceA, WireTestBed.WireInterfaceB]);
        try
        {
            await process.WaitForLineAsync(line => JsonEvent.Is(line, "attached"), Patience);
            return new RunningWire(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops it with SIGINT, as a user does; it must exit 0 with its summary.</summary>
    public async Task<WireSummary> StopAsync()
    {
        Process.Signal("INT");
        var exitCode = await Process.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"the wire exited with {exitCode} after SIGINT\n{Process.Describe()}");
        return WireSummary.Parse(Process.StdoutLines, Process.Describe());
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
