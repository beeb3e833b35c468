using System.Diagnostics;
using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// One <see cref="UdpGenerator"/> process, with the moments the test saw it start sending and exit,
/// so a test can prove that two runs overlapped. Disposing kills it.
/// </summary>
public sealed class GeneratorRun : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    GeneratorRun(FlowgenProcess process) => Process = process;

    public FlowgenProcess Process { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the "started" line arrived.</summary>
    public long StartedAt { get; private set; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the process had exited.</summary>
    public long ExitedAt { get; private set; }

    /// <summary>Starts <c>flowgen udp --json -a SINK-IPv4 OPTIONS veth-gen</c> on <paramref name="bed"/>.</summary>
    public static GeneratorRun Start(VethTestBed bed, params string[] options) => new(UdpGenerator.Start(bed, IpVersion.IPv4, options));

    /// <summary>Waits for the run to end; it must exit 0. Returns its summary.</summary>
    public async Task<UdpSummary> FinishAsync()
    {
        await Process.WaitForLineAsync(line => JsonEvent.Is(line, "started"), Patience);
        StartedAt = Stopwatch.GetTimestamp();
        var exitCode = await Process.WaitForExitAsync(Patience);
        ExitedAt = Stopwatch.GetTimestamp();
        Assert.True(exitCode == 0, $"flowgen udp exited with {exitCode.ToString(CultureInfo.InvariantCulture)}\n{Process.Describe()}");
        return UdpSummary.Parse(Process.StdoutLines, Process.Describe());
    }

    /// <summary>True when each run started sending before the other exited.</summary>
    public static bool Overlapped(GeneratorRun a, GeneratorRun b) => a.StartedAt < b.ExitedAt && b.StartedAt < a.ExitedAt;

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
