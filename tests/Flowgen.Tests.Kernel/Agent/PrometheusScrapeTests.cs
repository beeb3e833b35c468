using System.Globalization;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>A real Prometheus scraping an agent every second sees what the sink saw.</summary>
public sealed class PrometheusScrapeTests
{
    const int RunSeconds = 16;
    // The exact check is the last scrape against the sink's count. The rates compare a window with
    // the whole run's average, and the send rate itself moves when other work shares the two CPUs
    // (7.7% seen in a loaded run): these bounds still catch a wrong unit or a double count.
    const double RateTolerance = 0.25;
    const double StatusRateTolerance = 0.25;
    static readonly TimeSpan ScrapePatience = TimeSpan.FromSeconds(15);
    // Scrapes after the end: a successful one 3 s later shows the agent still serves its final figures.
    static readonly TimeSpan FinalScrapes = TimeSpan.FromSeconds(3);
    static readonly TimeSpan ExitAfterRelease = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Prometheus_scraping_an_agent_sees_the_final_count_and_the_rate()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedAsync(bed, "--duration", $"{RunSeconds}s");
            await using var prometheus = await PrometheusServer.StartAsync(bed.GeneratorNamespace, agent.Port);
            await prometheus.WaitForScrapeAfterAsync(BedAgent.SentMetric, DateTimeOffset.UtcNow, ScrapePatience);

            await agent.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(RunSeconds / 2));
            var midRun = await agent.StatusAsync();
            var final = await agent.SucceededAsync();
            await prometheus.WaitForScrapeAfterAsync(BedAgent.SentMetric, final.FinishedAt!.Value + FinalScrapes, ScrapePatience);
            var received = await sink.StopWhenStableAsync(final.Totals.Sent);
            var scraped = Assert.Single(await prometheus.QueryAsync(BedAgent.SentMetric));
            var (rate, query) = await RateInsideTheRunAsync(prometheus, final);

            await agent.ReleaseAsync();
            Assert.Equal(0, await agent.Process.WaitForExitAsync(ExitAfterRelease));

            Assert.Equal((bed.GeneratorInterface, "udp", PrometheusServer.Job),
                (scraped.Label("interface"), scraped.Label("mode"), scraped.Label("job")));
            Assert.Equal((received.Packets, received.Packets), ((long)scraped.Value, final.Totals.Sent));
            var run = final.FinishedAt!.Value - final.StartedAt!.Value;
            var sinkAverage = received.Packets / run.TotalSeconds;
            Assert.True(Math.Abs(rate / sinkAverage - 1) <= RateTolerance,
                $"`{query}` gave {rate:F0}/s; the sink's average over the {run.TotalSeconds:F3} s run was {sinkAverage:F0}/s");
            // The status's own current rate, over its last second: noisier than a 13 s window.
            Assert.True(Math.Abs(midRun.Rates.PacketsPerSecond / sinkAverage - 1) <= StatusRateTolerance,
                $"mid-run status: {AgentProcess.Show(midRun)}; the sink's average was {sinkAverage:F0}/s");
        });
    }

    /// <summary>
    /// rate() over a window that lies wholly inside the run, evaluated before its end. Prometheus
    /// extrapolates from the first and last samples in the window to its edges; when the samples
    /// are a scrape interval apart and the counter rises all through the window, that is exactly
    /// the slope between two real scrapes. A window reaching past the run would instead stretch
    /// the flat counter before or after the run into the rate, or stop its extrapolation at zero.
    /// </summary>
    static async Task<(double Rate, string Query)> RateInsideTheRunAsync(PrometheusServer prometheus, AgentStatus final)
    {
        var end = final.FinishedAt!.Value - TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Floor((end - final.StartedAt!.Value).TotalSeconds) - 2;
        Assert.True(seconds >= 10, $"the run was too short for a rate window: {AgentProcess.Show(final)}");
        var query = $"rate({BedAgent.SentMetric}[{seconds.ToString(CultureInfo.InvariantCulture)}s])";
        return (await prometheus.QueryScalarAsync(query, end), $"{query} @ {end:O}");
    }
}
