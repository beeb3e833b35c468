using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// <c>flowgen sink --json -I 0.1</c> on the bed's sink interface, started and attached. Disposing
/// kills it if a test did not stop it.
/// </summary>
public sealed class RunningSink : IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(50);
    static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    // After the generator exits its last frames may still sit in the veth ring for a few ms.
    const double StableSeconds = 0.3;

    // Its own bound, far beyond any test, so it ends even if nothing stops it.
    const string SafetyDuration = "120s";

    readonly FlowgenProcess _process;

    RunningSink(FlowgenProcess process) => _process = process;

    /// <summary>Starts the sink and returns once its XDP program is attached.</summary>
    public static async Task<RunningSink> StartAsync(VethTestBed bed, bool pass = false)
    {
        string[] mode = pass ? ["--pass"] : [];
        var process = FlowgenProcess.Start(bed.SinkNamespace,
            ["sink", "--json", "-I", "0.1", "--duration", SafetyDuration, .. mode, bed.SinkInterface]);
        try
        {
            var attached = JsonEvent.Parse(await process.WaitForLineAsync(line => JsonEvent.Is(line, "attached"), Patience));
            Assert.Equal(
                (bed.SinkInterface, (long)bed.SinkIfindex, pass ? "pass" : "drop"),
                (attached.Text("interface"), attached.Integer("ifindex"), attached.Text("mode")));
            return new RunningSink(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The sink's count once it reaches <paramref name="expected"/> or stops changing for 0.3 s of
    /// the sink's own clock (or after 5 s, whatever it is then).
    /// </summary>
    async Task<long> SettleAsync(long expected)
    {
        var deadline = DateTime.UtcNow + SettleLimit;
        while (true)
        {
            var intervals = JsonEvent.All(_process.StdoutLines, "interval")
                .Select(i => (Elapsed: i.Number("elapsed"), Packets: i.Integer("packets")))
                .ToList();
            if (intervals.Count > 0)
            {
                var last = intervals[^1];
                var sameSince = intervals.AsEnumerable().Reverse().TakeWhile(i => i.Packets == last.Packets).Last();
                if (last.Packets == expected || last.Elapsed - sameSince.Elapsed >= StableSeconds || DateTime.UtcNow >= deadline)
                    return last.Packets;
            }
            else if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the sink printed no interval line within {SettleLimit.TotalSeconds} s\n{Describe()}");
            }
            await Task.Delay(SettlePoll);
        }
    }

    /// <summary>Stops it with SIGINT, as a user does; it must exit 0 with its summary.</summary>
    public async Task<SinkSummary> StopAsync()
    {
        _process.Signal("INT");
        var exitCode = await _process.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"the sink exited with {exitCode} after SIGINT\n{Describe()}");
        return SinkSummary.Parse(_process.StdoutLines, Describe());
    }

    /// <summary>Settles on <paramref name="expected"/>, stops, and returns the summary's count.</summary>
    public async Task<long> CountAfterSettlingAsync(long expected)
    {
        await SettleAsync(expected);
        return (await StopAsync()).Packets;
    }

    public string Describe() => _process.Describe();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
