using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// <c>flowgen sink --json -I 0.1</c> on the bed's sink interface, started and attached. Stop it with
/// <see cref="StopWhenStableAsync"/> once the generators are done, or <see cref="StopAsync"/>;
/// disposing kills it if a test did not stop it.
/// </summary>
public sealed class RunningSink : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    // After the generator exits its last frames may still sit in the veth ring for a few ms.
    const double StableSeconds = 0.3;

    // Its own bound, far beyond any test, so it ends even if nothing stops it.
    const string SafetyDuration = "120s";

    readonly string _namespace;

    RunningSink(FlowgenProcess process, string ns, int? metricsPort)
    {
        Process = process;
        _namespace = ns;
        MetricsPort = metricsPort;
    }

    public FlowgenProcess Process { get; }

    /// <summary>Where its /metrics listens on its namespace's loopback (started with metrics); else null.</summary>
    public int? MetricsPort { get; }

    /// <summary>Starts the sink and returns once its XDP program is attached; <paramref name="verify"/> adds --verify.</summary>
    /// <param name="timeline">A --timeline bin (e.g. "1ms"): the summary is followed by a timeline (<see cref="Timeline"/>).</param>
    /// <param name="metrics">Serve /metrics on a free port of the sink namespace's loopback (<see cref="ScrapeAsync"/>).</param>
    public static Task<RunningSink> StartAsync(IGeneratorSinkBed bed, bool pass = false, bool verify = false, string? timeline = null,
        bool metrics = false) =>
        StartAsync(bed.SinkNamespace, bed.SinkInterface, bed.SinkIfindex, pass, verify, timeline, metrics);

    /// <summary>
    /// A passing sink on the generator's own veth: an XDP program there is what makes the sink side's
    /// XDP_TX frames (flowgen reflect) arrive — GRO alone does not flush them — and pass to its stack.
    /// </summary>
    public static Task<RunningSink> StartAtGeneratorAsync(VethTestBed bed) =>
        StartAsync(bed.GeneratorNamespace, bed.GeneratorInterface, bed.GeneratorIfindex, pass: true, verify: false, timeline: null, metrics: false);

    static async Task<RunningSink> StartAsync(string ns, string iface, int ifindex, bool pass, bool verify, string? timeline, bool metrics)
    {
        string[] mode = [.. pass ? ["--pass"] : Array.Empty<string>(), .. verify ? ["--verify"] : Array.Empty<string>()];
        string[] bins = timeline is null ? [] : ["--timeline", timeline];
        int? metricsPort = metrics ? FreePort.OnLoopback(ns) : null;
        string[] server = metricsPort is { } port
            ? ["--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--metrics-bind", "127.0.0.1"]
            : [];
        var process = FlowgenProcess.Start(ns,
            ["sink", "--json", "-I", "0.1", "--duration", SafetyDuration, .. mode, .. bins, .. server, iface]);
        try
        {
            var attached = JsonEvent.Parse(await process.WaitForLineAsync(line => JsonEvent.Is(line, "attached"), Patience));
            Assert.Equal(
                (iface, (long)ifindex, pass ? "pass" : "drop"),
                (attached.Text("interface"), attached.Integer("ifindex"), attached.Text("mode")));
            return new RunningSink(process, ns, metricsPort);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Once the count reaches <paramref name="expected"/> or stops changing (call it after the
    /// generators exited), stops the sink like <see cref="StopAsync"/> and returns its summary.
    /// </summary>
    public async Task<SinkSummary> StopWhenStableAsync(long? expected = null)
    {
        await SettleAsync(expected);
        return await StopAsync();
    }

    /// <summary>
    /// Frames per second it counted over about <paramref name="span"/> from now, by its own clock: the
    /// difference of its running total between the last interval line printed now and the last one
    /// printed after <paramref name="span"/>.
    /// </summary>
    public async Task<double> MeasureRateAsync(TimeSpan span)
    {
        var first = await LastIntervalAsync();
        await Task.Delay(span);
        var last = await LastIntervalAsync();
        if (last.Elapsed <= first.Elapsed)
            throw new InvalidOperationException($"the sink printed no interval line in {span.TotalSeconds:0.#} s\n{Describe()}");
        return (last.Packets - first.Packets) / (last.Elapsed - first.Elapsed);
    }

    /// <summary>Stops it with SIGINT, as a user does; it must exit 0 with its summary.</summary>
    public async Task<SinkSummary> StopAsync()
    {
        Process.Signal("INT");
        var exitCode = await Process.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"the sink exited with {exitCode} after SIGINT\n{Describe()}");
        return SinkSummary.Parse(Process.StdoutLines, Describe());
    }

    /// <summary>Its /metrics now, in the Prometheus text format (started with metrics).</summary>
    public async Task<string> ScrapeAsync()
    {
        using var client = NamespaceHttp.ToLoopback(_namespace, MetricsPort ?? throw new InvalidOperationException("the sink was started without metrics"));
        return await client.GetStringAsync("metrics");
    }

    /// <summary>The timeline it printed when stopped (started with a timeline).</summary>
    public SinkTimeline Timeline() => SinkTimeline.Parse(Process.StdoutLines, Describe());

    async Task<SinkInterval> LastIntervalAsync()
    {
        var all = await Eventually.ReadAsync(() => Task.FromResult(SinkInterval.All(Process.StdoutLines)), lines => lines.Count > 0, Patience);
        return all.Count > 0 ? all[^1] : throw new TimeoutException($"the sink printed no interval line within {Patience.TotalSeconds} s\n{Describe()}");
    }

    public string Describe() => Process.Describe();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    /// <summary>
    /// Public for tests that look at the sink (its metrics) once it settled, before stopping it:
    /// returns once the last interval's count is <paramref name="expected"/>, or once the intervals
    /// printed since the call show the same count for 0.3 s of the sink's own clock (or after 5 s,
    /// whatever it is then).
    /// </summary>
    public async Task SettleAsync(long? expected = null)
    {
        var skip = Process.StdoutLines.Count;
        var deadline = DateTime.UtcNow + SettleLimit;
        while (true)
        {
            var lines = Process.StdoutLines;
            var all = SinkInterval.All(lines);
            if (expected is { } count && all.Count > 0 && all[^1].Packets == count)
                return;
            var fresh = SinkInterval.All(lines.Skip(skip));
            if (fresh.Count > 0)
            {
                var last = fresh[^1];
                var sameSince = fresh.Reverse().TakeWhile(i => i.Packets == last.Packets).Last();
                if (last.Elapsed - sameSince.Elapsed >= StableSeconds || DateTime.UtcNow >= deadline)
                    return;
            }
            else if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the sink printed no interval line within {SettleLimit.TotalSeconds} s\n{Describe()}");
            }
            await Task.Delay(SettlePoll);
        }
    }
}
