using System.Net;
using System.Net.Http.Json;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>POST /v1/rate changes a running agent's rate: the sink's own timeline shows the old rate, then the new.</summary>
public sealed class AgentRateTests
{
    const int Before = 20_000;
    const int After = 100_000;
    // What this test shows is the change; accuracy is RateTests' (2%). The margin is for a busy machine.
    const double Tolerance = 0.25;
    static readonly TimeSpan ChangeAfter = TimeSpan.FromSeconds(1.5);

    [SkippableFact]
    public async Task Posting_a_rate_changes_what_the_sink_receives_per_second()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed, timeline: "1ms");
            await using var agent = await BedAgent.StartArmedAsync(bed, "--rate", $"{Before}", "--duration", "3.5s");

            await agent.StartAsync();
            await agent.WaitForStateAsync(s => s.State == AgentState.Running, BedAgent.Patience);
            await Task.Delay(ChangeAfter);
            var changed = await PostRateAsync(agent, "100k");
            var final = await agent.SucceededAsync();

            Assert.True(changed.Status == HttpStatusCode.OK, changed.Body);
            Assert.Equal(new AgentTargetRate($"{After}", After, After * 64 * 8.0), final.TargetRate);
            Assert.True(final.Totals.Paced > final.Totals.Sent, AgentProcess.Show(final));
            Assert.Equal(final.Totals.Sent, (await sink.StopWhenStableAsync(final.Totals.Sent)).Packets);
            var timeline = sink.Timeline();
            AssertRate(Before, timeline, fromSeconds: 0.2, toSeconds: 1.2, sink.Describe());
            AssertRate(After, timeline, fromSeconds: timeline.SpanSeconds - 1.2, toSeconds: timeline.SpanSeconds - 0.2, sink.Describe());
        });
    }

    [SkippableFact]
    public async Task Target_rate_and_paced_runs_are_on_the_metrics()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedAsync(bed, "--rate", "1Gbit", "-s", "1000", "--duration", "30s");

            await agent.StartAsync();
            await Eventually.HoldsAsync(async () => (await agent.MetricsAsync()).Named("flowgen_packets_paced_total").Single().Value > 0,
                "the agent's paced counter rises", BedAgent.Patience);
            var metrics = await agent.MetricsAsync();
            await agent.StopAsync();

            Assert.Equal(125_000, metrics.Named("flowgen_target_packets_per_second").Single().Value);
            Assert.Equal(1e9, metrics.Named("flowgen_target_bits_per_second").Single().Value);
        });
    }

    [SkippableFact]
    public async Task Bad_rates_and_jobs_without_a_rate_are_refused_with_the_reason()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var paced = await BedAgent.StartArmedAsync(bed, "--rate", "50k", "-n", "1000");
            await using var unpaced = await BedAgent.StartArmedAsync(bed, "-n", "1000");

            var malformed = await PostRateAsync(paced, "fast");
            var tooSlow = await PostRateAsync(paced, "500");
            var withoutRate = await PostRateAsync(unpaced, "50k");

            Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
            Assert.Contains("invalid value 'fast' for rate", malformed.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, tooSlow.Status);
            Assert.Contains("below the slowest rate", tooSlow.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, withoutRate.Status);
            Assert.Contains("started without --rate", withoutRate.Body, StringComparison.Ordinal);
            Assert.Equal("50000", (await paced.StatusAsync()).TargetRate?.Rate);
        });
    }

    static Task<AgentResponse> PostRateAsync(AgentProcess agent, string rate) =>
        agent.SendAsync(HttpMethod.Post, "v1/rate", agent.Authorization, JsonContent.Create(new RateRequest(rate), options: ContractJson.Options));

    /// <summary>Frames per second over [from, to) seconds of the timeline (from its first arrival), within the tolerance.</summary>
    static void AssertRate(double expected, SinkTimeline timeline, double fromSeconds, double toSeconds, string describe)
    {
        int first = (int)(fromSeconds / timeline.BinSeconds), last = (int)(toSeconds / timeline.BinSeconds);
        double rate = timeline.Counts.Skip(first).Take(last - first).Sum() / (toSeconds - fromSeconds);
        Assert.True(Math.Abs(rate - expected) <= expected * Tolerance,
            $"{rate:N0} frames/s between {fromSeconds:F1} s and {toSeconds:F1} s, expected {expected:N0} (within {Tolerance:P0})\n{describe}");
    }
}
