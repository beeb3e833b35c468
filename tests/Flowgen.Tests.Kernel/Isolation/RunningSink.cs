using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// <c>flowgen sink --json -I 0.1 IFACE</c> in a namespace, started and attached. Stop it with
/// <see cref="StopWhenStableAsync"/> once the generators are done; disposing kills it.
/// </summary>
public sealed class RunningSink : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    const string Interval = "0.1";
    // Consecutive interval lines with the same total, 0.4 s at -I 0.1: frames in flight arrive within microseconds.
    const int StableIntervals = 4;

    RunningSink(FlowgenProcess process) => Process = process;

    public FlowgenProcess Process { get; }

    public int Id => Process.Id;

    /// <summary>Starts a sink and returns once it has printed its "attached" line.</summary>
    public static async Task<RunningSink> StartAsync(string ns, string iface)
    {
        var sink = new RunningSink(FlowgenProcess.Start(ns, "sink", "--json", "-I", Interval, iface));
        try
        {
            await sink.Process.WaitForLineAsync(line => FlowgenReports.IsEvent(line, "attached"), Patience);
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until the received total stops changing (call it after the generators exited), then stops
    /// the sink with SIGINT and returns its summary. The sink must exit 0.
    /// </summary>
    public async Task<SinkSummary> StopWhenStableAsync()
    {
        var stable = new StableTotal(skip: Process.StdoutLines.Count);
        await Process.WaitForLineAsync(stable.Observe, Patience);
        Process.Signal("INT");
        var exitCode = await Process.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"the sink exited with {exitCode.ToString(CultureInfo.InvariantCulture)}\n{Process.Describe()}");
        return FlowgenReports.Last<SinkSummary>(Process.StdoutLines, "summary");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    // Fed every stdout line in order from the first; true once the last StableIntervals interval
    // lines after the first `skip` lines (those printed before the wait began) agree.
    sealed class StableTotal(int skip)
    {
        readonly Queue<long> _recent = new();
        int _seen;

        public bool Observe(string line)
        {
            if (_seen++ < skip || !FlowgenReports.IsEvent(line, "interval"))
                return false;
            _recent.Enqueue(FlowgenReports.Parse<SinkInterval>(line).Packets);
            if (_recent.Count > StableIntervals)
                _recent.Dequeue();
            return _recent.Count == StableIntervals && _recent.Distinct().Count() == 1;
        }
    }
}
