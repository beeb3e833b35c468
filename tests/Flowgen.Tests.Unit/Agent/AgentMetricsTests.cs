using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Flowgen.Contract;
using Flowgen.Control;
using Flowgen.Interop;

namespace Flowgen.Tests.Unit.Agent;

public partial class AgentMetricsTests
{
    private JobSnapshot _job = new(AgentState.Armed, null, null, null, null, JobFigures.Zero);

    private AgentMetrics Metrics(string? flow = "udp-blast", string mode = "udp") => new(() => _job, flow, "veth-gen", mode);

    [Fact]
    public async Task Only_flowgen_metrics_are_exported_each_with_help_and_type()
    {
        string text = await ScrapeAsync(Metrics());

        string[] families = HelpLine().Matches(text).Select(m => m.Groups["name"].Value).ToArray();
        Assert.Equal(
            [
                "flowgen_packets_sent_total", "flowgen_bytes_sent_total", "flowgen_packets_dropped_total",
                "flowgen_packets_attempted_total", "flowgen_packets_paced_total", "flowgen_target_packets_per_second",
                "flowgen_target_bits_per_second", "flowgen_transmit_errors_total", "flowgen_job_flows", "flowgen_agent_state",
                "flowgen_build_info", "flowgen_packets_sent_by_size_total",
            ],
            families);
        Assert.All(families, name => Assert.Contains($"# TYPE {name} ", text, StringComparison.Ordinal));
        Assert.All(Samples(text), sample => Assert.StartsWith("flowgen_", sample.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_series_is_labelled_with_flow_interface_and_mode()
    {
        _job = _job with { Figures = FakeArmedJob.UdpCounts(sent: 1, errors: (Errno.EMSGSIZE, 1)) };

        string text = await ScrapeAsync(Metrics());

        Assert.All(Samples(text), sample =>
            Assert.Contains("flow=\"udp-blast\",interface=\"veth-gen\",mode=\"udp\"", sample.Labels, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Counters_are_read_from_the_job_at_every_scrape()
    {
        AgentMetrics metrics = Metrics();
        _job = _job with { State = AgentState.Running, Figures = FakeArmedJob.UdpCounts(sent: 1000, dropped: 7) };
        string first = await ScrapeAsync(metrics);
        _job = _job with { Figures = FakeArmedJob.UdpCounts(sent: 2500, dropped: 9, errors: (Errno.EOPNOTSUPP, 3)) };

        string second = await ScrapeAsync(metrics);

        Assert.Equal(1000, Value(first, "flowgen_packets_sent_total"));
        Assert.Equal(2500, Value(second, "flowgen_packets_sent_total"));
        Assert.Equal(2500 * FakeArmedJob.FrameSize, Value(second, "flowgen_bytes_sent_total"));
        Assert.Equal(9, Value(second, "flowgen_packets_dropped_total"));
        Assert.Equal(2512, Value(second, "flowgen_packets_attempted_total"));
        Assert.Equal(3, Value(second, "flowgen_transmit_errors_total", "reason=\"EOPNOTSUPP\""));
    }

    [Fact]
    public async Task State_gauge_is_1_for_the_current_state_and_0_for_the_others()
    {
        AgentMetrics metrics = Metrics();
        _job = _job with { State = AgentState.Stopped };

        string text = await ScrapeAsync(metrics);

        foreach (AgentState state in Enum.GetValues<AgentState>())
            Assert.Equal(state == AgentState.Stopped ? 1 : 0, Value(text, "flowgen_agent_state", $"state=\"{state}\""));
    }

    [Fact]
    public async Task Build_info_is_1_with_the_version()
    {
        string text = await ScrapeAsync(Metrics());

        Assert.Equal(1, Value(text, "flowgen_build_info", $"version=\"{BuildInfo.Version}\""));
    }

    [Fact]
    public async Task Tcp_job_adds_its_segment_resend_acknowledgement_and_window_series_labelled_mode_tcp()
    {
        AgentMetrics metrics = Metrics("tcp-stream", "tcp");
        _job = _job with
        {
            State = AgentState.Running,
            Figures = new JobFigures(
                AgentTotals.Zero with { Sent = 1010, Attempted = 1010, BytesSent = 1010 * 1518, Resent = 10, BytesAcknowledged = 1_448_000 },
                [], WindowBytes: 144_800),
        };

        string text = await ScrapeAsync(metrics);

        Assert.Equal(1010, Value(text, "flowgen_packets_sent_total"));
        Assert.Equal(1010 * 1518, Value(text, "flowgen_bytes_sent_total"));
        Assert.Equal(1010, Value(text, "flowgen_tcp_segments_sent_total"));
        Assert.Equal(10, Value(text, "flowgen_tcp_segments_resent_total"));
        Assert.Equal(1_448_000, Value(text, "flowgen_tcp_bytes_acknowledged_total"));
        Assert.Equal(144_800, Value(text, "flowgen_tcp_window_bytes"));
        Assert.Contains("# TYPE flowgen_tcp_window_bytes gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE flowgen_tcp_segments_resent_total counter", text, StringComparison.Ordinal);
        Assert.All(Samples(text), sample =>
            Assert.Contains("flow=\"tcp-stream\",interface=\"veth-gen\",mode=\"tcp\"", sample.Labels, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tcp_window_is_0_once_the_job_is_over()
    {
        AgentMetrics metrics = Metrics("tcp-stream", "tcp");
        _job = _job with { State = AgentState.Succeeded, Figures = JobFigures.Zero with { WindowBytes = 144_800 } };

        string text = await ScrapeAsync(metrics);

        Assert.Equal(0, Value(text, "flowgen_tcp_window_bytes"));
    }

    [Fact]
    public async Task Udp_job_has_no_tcp_series()
    {
        string text = await ScrapeAsync(Metrics());

        Assert.DoesNotContain("flowgen_tcp_", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_type_is_the_Prometheus_text_format() =>
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", AgentMetrics.ContentType);

    private static async Task<string> ScrapeAsync(AgentMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.ExportAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IEnumerable<(string Name, string Labels, double Value)> Samples(string text) =>
        SampleLine().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["labels"].Value,
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));

    /// <summary>The value of the one sample of <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string text, string name, string label = "") =>
        Assert.Single(Samples(text), s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Value;

    [GeneratedRegex(@"^# HELP (?<name>\S+) \S", RegexOptions.Multiline)]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
