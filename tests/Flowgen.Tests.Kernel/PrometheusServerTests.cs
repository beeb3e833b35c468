using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel;

/// <summary>The Prometheus test server and promtool, checked on their own (the agent's tests rely on them).</summary>
public sealed class PrometheusServerTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task Prometheus_in_a_test_namespace_scrapes_itself_every_second_and_answers_queries()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        var port = FreePort.OnLoopback(bed.GeneratorNamespace);
        await using var prometheus = await PrometheusServer.StartAsync(bed.GeneratorNamespace, targetPort: port, listenPort: port);
        var ready = DateTimeOffset.UtcNow;

        var first = await prometheus.WaitForScrapeAfterAsync("up", ready, Patience);
        var next = await prometheus.WaitForScrapeAfterAsync("up", first.AddMilliseconds(1), Patience);

        Assert.InRange((next - first).TotalSeconds, 0.5, 1.5);
        var up = Assert.Single(await prometheus.QueryAsync($"up{{job=\"{PrometheusServer.Job}\"}}"));
        Assert.Equal((1.0, $"127.0.0.1:{port}"), (up.Value, up.Label("instance")));
        Assert.Equal(2.0, await prometheus.QueryScalarAsync("1 + 1", next));
        Assert.Empty(await prometheus.QueryAsync("up", ready.AddMinutes(-10)));
    }

    [SkippableFact]
    public async Task Promtool_passes_well_named_metrics_and_reports_a_counter_without_total()
    {
        const string good = "# HELP demo_frames_total Frames.\n# TYPE demo_frames_total counter\ndemo_frames_total{reason=\"a \\\"b\\\"\"} 12\n";
        const string bad = "# HELP demo_frames Frames.\n# TYPE demo_frames counter\ndemo_frames 12\n";

        var passed = await Promtool.CheckMetricsAsync(good);
        var reported = await Promtool.CheckMetricsAsync(bad);

        Assert.True(passed.ExitCode == 0 && passed.Stdout.Length == 0 && passed.Stderr.Length == 0, passed.Describe());
        Assert.True(reported.ExitCode != 0, reported.Describe());
        Assert.Contains("_total", reported.Stdout + reported.Stderr, StringComparison.Ordinal);
        var sample = Assert.Single(PrometheusText.Parse(good));
        Assert.Equal(("demo_frames_total", "a \"b\"", 12.0), (sample.Name, sample.Label("reason"), sample.Value));
    }
}
