using System.Globalization;
using Flowgen.Contract;
using Flowgen.Control;
using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Agent;

public sealed class AgentLatencyMetricsTests
{
    [Fact]
    public async Task The_round_trip_histogram_counts_each_rtt_under_every_bound_at_or_above_it()
    {
        ulong[] first = [900, 5_000, 5_000, 12_345, 47_000];
        ulong[] later = [2_048, 3_071, 3_072, 250_000, 3_000_000_000];
        var job = Snapshot(first);
        var metrics = new AgentMetrics(() => job, "udp-rtt", "veth-gen", "udp", measuresLatency: true);
        await ScrapeAsync(metrics);
        job = Snapshot([.. first, .. later]);

        string text = await ScrapeAsync(metrics);

        var all = first.Concat(later).ToList();
        var buckets = text.Split('\n').Where(l => l.StartsWith("flowgen_latency_rtt_seconds_bucket{", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(buckets);
        foreach (var line in buckets)
        {
            string le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
            le = le[..le.IndexOf('"', StringComparison.Ordinal)];
            double bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
            double count = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            Assert.Equal(all.Count(ns => ns / 1e9 <= bound), count);
        }
        Assert.Contains($"flowgen_latency_rtt_seconds_count{{flow=\"udp-rtt\",interface=\"veth-gen\",mode=\"udp\"}} {all.Count}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_latency_exports_no_histogram()
    {
        var job = Snapshot([1000]);
        string text = await ScrapeAsync(new AgentMetrics(() => job, "f", "veth-gen", "udp"));
        Assert.DoesNotContain("flowgen_latency", text, StringComparison.Ordinal);
    }

    private static JobSnapshot Snapshot(IEnumerable<ulong> rtts)
    {
        var buckets = new long[BpfLayoutConstants.LatencyBuckets];
        var list = rtts.ToList();
        foreach (var ns in list)
            buckets[LatencyHistogram.BucketOf(ns)]++;
        var histogram = new LatencyHistogram(buckets, list.Count, (long)list.Sum(v => (decimal)v), (long)list.Min(), (long)list.Max(), 0);
        return new JobSnapshot(AgentState.Running, null, null, null, null, JobFigures.Zero with { Latency = histogram });
    }

    private static async Task<string> ScrapeAsync(AgentMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
