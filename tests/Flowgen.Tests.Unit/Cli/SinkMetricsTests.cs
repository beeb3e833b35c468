using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Flowgen.Control;
using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Cli;

public sealed partial class SinkMetricsTests
{
    private SinkCounters _counters = new(10, 1000, 2);
    private SequenceVerification _verification = SequenceVerification.None;

    [Fact]
    public async Task Without_verify_only_the_frame_counters_are_exported_labelled_with_the_interface()
    {
        string text = await ScrapeAsync(new SinkMetrics(() => _counters, null, "veth-sink"));

        Assert.Equal(
            ["flowgen_sink_packets_received_total 10", "flowgen_sink_bytes_received_total 1000", "flowgen_sink_other_frames_total 2"],
            Samples(text));
    }

    [Fact]
    public async Task With_verify_the_probe_counts_are_the_sums_over_the_sequences_and_lost_falls_when_a_gap_fills()
    {
        var metrics = new SinkMetrics(() => _counters, () => _verification, "veth-sink");
        _verification = new([Sequence(1, expected: 100, received: 90, lost: 10, duplicates: 1, reordered: 0),
            Sequence(2, expected: 50, received: 50, lost: 0, duplicates: 0, reordered: 3)], Untracked: 4);
        string first = await ScrapeAsync(metrics);
        _verification = new([Sequence(1, expected: 100, received: 95, lost: 5, duplicates: 1, reordered: 5),
            Sequence(2, expected: 50, received: 50, lost: 0, duplicates: 0, reordered: 3)], Untracked: 4);
        string second = await ScrapeAsync(metrics);

        Assert.Subset(Samples(first).ToHashSet(), new HashSet<string>
        {
            "flowgen_sink_probes_expected_total 150", "flowgen_sink_probes_received_total 140", "flowgen_sink_probes_lost 10",
            "flowgen_sink_probes_duplicated_total 1", "flowgen_sink_probes_reordered_total 3", "flowgen_sink_probes_stale_total 0",
            "flowgen_sink_probes_untracked_total 4", "flowgen_sink_probe_sequences 2",
        });
        Assert.Subset(Samples(second).ToHashSet(), new HashSet<string>
        {
            "flowgen_sink_probes_received_total 145", "flowgen_sink_probes_lost 5", "flowgen_sink_probes_reordered_total 8",
        });
    }

    private static VerifiedFlow Sequence(uint flow, long expected, long received, long lost, long duplicates, long reordered) =>
        new(7, flow, IPAddress.Parse("198.18.0.1"), IPAddress.Parse("198.18.0.2"), 9, 9, expected, received, lost, duplicates, reordered, 0);

    private static async Task<string> ScrapeAsync(SinkMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"name value" of each sample whose only label is interface="veth-sink" (an assertion fails on any other label).</summary>
    private static List<string> Samples(string text) =>
        [.. SampleLine().Matches(text).Select(m =>
        {
            Assert.Equal("interface=\"veth-sink\"", m.Groups["labels"].Value);
            return $"{m.Groups["name"].Value} {m.Groups["value"].Value}";
        })];

    [GeneratedRegex(@"^(?<name>flowgen_\w+)\{(?<labels>[^}]*)\} (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
