using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>
/// <c>flowgen agent -- udp --latency</c> with <c>flowgen reflect</c> at the far end: the status reports one
/// round trip per probe the reflector turned back, in order (min ≤ p50 ≤ p99 ≤ p99.9 ≤ max), each under
/// 10 ms, and /metrics' histogram counts the same number.
/// </summary>
public sealed class AgentLatencyTests
{
    const double TenMillisecondsUs = 10_000;

    [SkippableFact]
    public async Task The_status_and_the_histogram_count_every_reflected_probe()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var reflector = await RunningReflector.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedForFlowAsync(bed, "rtt", "--latency", "-s", "128", "-n", "20000");
            await agent.StartAsync();
            var final = await agent.SucceededAsync();
            var metrics = await agent.MetricsAsync();
            long reflected = await reflector.StopAsync();

            var latency = final.Latency ?? throw new InvalidOperationException($"no latency in {AgentProcess.Show(final)}");
            Assert.InRange(reflected, 1, final.Totals.Sent);
            Assert.True(reflected >= final.Totals.Sent * 99 / 100, $"only {reflected} of {final.Totals.Sent} probes were reflected");
            Assert.Equal(reflected, latency.Samples);
            Assert.True(latency.MinUs <= latency.P50Us && latency.P50Us <= latency.P99Us && latency.P99Us <= latency.P999Us
                && latency.P999Us <= latency.MaxUs && latency.MaxUs < TenMillisecondsUs, AgentProcess.Show(final));
            Assert.Equal(0, latency.OutOfOrder);
            var count = Assert.Single(metrics.Named("flowgen_latency_rtt_seconds_count"));
            Assert.Equal(reflected, (long)count.Value);
        });
    }
}
