using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>The agent's /metrics follows Prometheus conventions, as promtool judges them.</summary>
public sealed class MetricsFormatTests
{
    static readonly string[] Counters =
        ["flowgen_packets_sent_total", "flowgen_bytes_sent_total", "flowgen_packets_dropped_total", "flowgen_packets_attempted_total"];

    [SkippableFact]
    public async Task Agent_metrics_pass_promtool()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedAsync(bed, "-n", "100000");
            await agent.StartAsync();
            var final = await agent.SucceededAsync();

            var text = await agent.MetricsTextAsync();
            var check = await Promtool.CheckMetricsAsync(text);

            Assert.True(check.ExitCode == 0 && check.Stdout.Trim().Length == 0 && check.Stderr.Trim().Length == 0,
                $"{check.Describe()}\n--- the agent's /metrics ---\n{text}");
            // Not vacuous: the series promtool passed are the agent's own.
            var samples = PrometheusText.Parse(text);
            Assert.All(Counters, name => Assert.Equal(bed.GeneratorInterface, Assert.Single(samples.Named(name)).Label("interface")));
            Assert.Equal(final.Totals.Sent, (long)Assert.Single(samples.Named("flowgen_packets_sent_total")).Value);
            Assert.Equal(final.Totals.BytesSent, (long)Assert.Single(samples.Named("flowgen_bytes_sent_total")).Value);
            var state = Assert.Single(samples.Named("flowgen_agent_state"), s => s.Value == 1);
            Assert.Equal("Succeeded", state.Label("state"));
            Assert.NotNull(Assert.Single(samples.Named("flowgen_build_info")).Label("version"));
        });
    }
}
