using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// <c>flowgen udp --stamp</c> → <c>flowgen wire --drop P</c> → <c>flowgen sink --verify --metrics-port</c>:
/// once the traffic is over, the sink's /metrics hold exactly what it reports at exit (its summary and
/// its "verified" line), and the lost probes are what the wire's own counter says it dropped, less
/// those after the last one that arrived (sent − expected; one thread, one flow).
/// </summary>
public sealed class SinkMetricsTests
{
    const long Count = 50_000;

    [SkippableTheory]
    [InlineData("0")]
    [InlineData("5")]
    public async Task The_sink_exports_the_counts_it_reports_and_the_losses_the_wire_made(string percent)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(() => WireTestBed.CreateAsync(), async bed =>
        {
            await using var wire = await RunningWire.StartAsync(bed, "--drop", percent, "--lose", "udp-tcp");
            await using var sink = await RunningSink.StartAsync(bed, verify: true, metrics: true);
            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "--stamp", "-s", "128", "-t", "1", "-n", Count.ToString(CultureInfo.InvariantCulture));
            Assert.True(run.Summary.Result == "completed", run.Describe());
            await sink.SettleAsync();
            var metrics = await sink.ScrapeAsync();
            var summary = await sink.StopAsync();
            var verified = SinkVerified.Parse(sink.Process.StdoutLines, sink.Describe());
            var dropped = (await wire.StopAsync()).AToB.Dropped;

            long Metric(string name) => (long)PrometheusText.Single(metrics, name);
            Assert.Equal(
                (summary.Packets, summary.WireBytes, summary.Other),
                (Metric("flowgen_sink_packets_received_total"), Metric("flowgen_sink_bytes_received_total"), Metric("flowgen_sink_other_frames_total")));
            Assert.Equal(
                (verified.Expected, verified.Received, verified.Lost, verified.Duplicates, verified.Reordered, verified.Stale, verified.Untracked, 1L),
                (Metric("flowgen_sink_probes_expected_total"), Metric("flowgen_sink_probes_received_total"), Metric("flowgen_sink_probes_lost"),
                 Metric("flowgen_sink_probes_duplicated_total"), Metric("flowgen_sink_probes_reordered_total"), Metric("flowgen_sink_probes_stale_total"),
                 Metric("flowgen_sink_probes_untracked_total"), Metric("flowgen_sink_probe_sequences")));
            Assert.All(PrometheusText.Parse(metrics), sample => Assert.Equal(bed.SinkInterface, sample.Label("interface")));

            Assert.Equal(Count, run.Summary.Sent);
            long unseenTail = Count - verified.Expected;
            Assert.Equal(dropped - unseenTail, Metric("flowgen_sink_probes_lost"));
            Assert.Equal(summary.Packets, Metric("flowgen_sink_probes_received_total"));
            if (percent == "0")
                Assert.Equal((0L, Count), (Metric("flowgen_sink_probes_lost"), Metric("flowgen_sink_probes_received_total")));
            else
                Assert.True(Metric("flowgen_sink_probes_lost") > 0, $"the wire dropped {dropped} of {Count} but the sink's metrics show no loss\n{metrics}");
        });
    }
}
