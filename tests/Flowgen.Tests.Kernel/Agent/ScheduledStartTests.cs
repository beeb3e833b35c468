using System.Net;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>
/// POST /v1/start with a startAt is how the operator starts many agents together: nothing may
/// leave before that instant, and every figure the agent gives must match what arrived.
/// </summary>
public sealed class ScheduledStartTests
{
    const long Count = 2_000_000;
    static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    // The agent sleeps until the instant; a thread wake-up and the first call are all it may add.
    static readonly TimeSpan StartLateness = TimeSpan.FromMilliseconds(500);
    // The sink prints every 0.1 s: over the 2 s wait, most of its lines must have been seen.
    const double ReportedSeconds = 1.5;

    [SkippableFact]
    public async Task Agent_started_at_a_future_instant_sends_nothing_before_it_and_everything_after()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedAsync(bed, "-n", $"{Count}");
            Assert.Equal(HttpStatusCode.OK, await agent.ReadyAsync());
            var reportedAtRequest = SinkInterval.All(sink.Process.StdoutLines) is { Count: > 0 } lines ? lines[^1].Elapsed : 0;

            var startAt = DateTimeOffset.UtcNow + Lead;
            await agent.StartAsync(startAt);
            var waiting = await agent.StatusAsync();
            var beforeStart = await LastSinkReadingBeforeAsync(sink, startAt);
            var final = await agent.SucceededAsync();
            var received = await sink.StopWhenStableAsync(final.Totals.Sent);
            var onMetrics = await agent.SentOnMetricsAsync();

            Assert.True(waiting.State == AgentState.Running && waiting.StartedAt is null && waiting.Totals.Sent == 0,
                $"while waiting for its start: {AgentProcess.Show(waiting)}");
            Assert.Equal(startAt.ToUnixTimeMilliseconds(), waiting.StartAt?.ToUnixTimeMilliseconds());
            Assert.True(beforeStart.Count > 0 && beforeStart[^1].Elapsed - reportedAtRequest >= ReportedSeconds,
                $"the sink reported too little before the start instant\n{sink.Describe()}");
            Assert.All(beforeStart, interval => Assert.Equal(0L, interval.Packets));
            Assert.NotNull(final.StartedAt);
            Assert.InRange(final.StartedAt.Value - startAt, TimeSpan.Zero, StartLateness);
            Assert.Equal((Count, Count, Count), (final.Totals.Sent, onMetrics, received.Packets));
        });
    }

    /// <summary>
    /// The sink's interval lines as read the last time before <paramref name="startAt"/>: the
    /// clock is read after the lines, so every one of them was printed before the instant.
    /// </summary>
    static async Task<IReadOnlyList<SinkInterval>> LastSinkReadingBeforeAsync(RunningSink sink, DateTimeOffset startAt)
    {
        IReadOnlyList<SinkInterval> last = [];
        while (true)
        {
            var reading = SinkInterval.All(sink.Process.StdoutLines);
            if (DateTimeOffset.UtcNow >= startAt)
                return last;
            last = reading;
            await Task.Delay(Poll);
        }
    }
}
