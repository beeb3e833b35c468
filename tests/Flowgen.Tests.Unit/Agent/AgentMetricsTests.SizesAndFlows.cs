using Flowgen.Contract;
using Flowgen.Control;

namespace Flowgen.Tests.Unit.Agent;

public partial class AgentMetricsTests
{
    private const string BySize = "flowgen_packets_sent_by_size_total";

    [Fact]
    public async Task Frames_sent_by_size_split_the_sent_count_in_the_shares_handed_out_since_the_last_scrape()
    {
        AgentMetrics metrics = Metrics();
        _job = ImixRunning(sent: 1000, handedOut: [700, 400, 100]);
        string first = await ScrapeAsync(metrics);
        // Since then only 594-byte frames were handed out: every frame sent meanwhile is counted at 594.
        _job = ImixRunning(sent: 2000, handedOut: [700, 1400, 100]);

        string second = await ScrapeAsync(metrics);

        // 1000 in 7:4:1 is 583⅓, 333⅓, 83⅓: the one frame left goes to the first of the equal remainders.
        Assert.Equal([584, 333, 83], SentBySize(first));
        Assert.Equal([584, 1333, 83], SentBySize(second));
        Assert.Equal(Value(second, "flowgen_packets_sent_total"), SentBySize(second).Sum());
    }

    [Fact]
    public async Task Frames_sent_by_size_never_shrink_and_always_sum_to_the_sent_count()
    {
        AgentMetrics metrics = Metrics();
        double[] before = [0, 0, 0];
        foreach ((long sent, long[] handedOut) in new[] { (10L, new long[] { 3, 6, 1 }), (11, [9, 6, 1]), (11, [9, 6, 1]), (900, [500, 300, 100]) })
        {
            _job = ImixRunning(sent, handedOut);
            double[] now = SentBySize(await ScrapeAsync(metrics));
            Assert.Equal(sent, now.Sum());
            Assert.All(now.Zip(before), pair => Assert.True(pair.First >= pair.Second, $"{string.Join(", ", now)} after {string.Join(", ", before)}"));
            before = now;
        }
    }

    [Fact]
    public async Task A_template_sent_untouched_counts_every_frame_sent_at_its_one_size()
    {
        AgentMetrics metrics = Metrics();
        _job = _job with { State = AgentState.Running, Figures = FakeArmedJob.UdpCounts(sent: 1234) with { FramesBySize = [new(128, 1, 0)] } };

        string text = await ScrapeAsync(metrics);

        Assert.Equal(1234, Value(text, BySize, "size=\"128\""));
    }

    [Fact]
    public async Task The_flow_count_is_a_gauge_of_the_jobs_flows_for_udp_and_tcp()
    {
        string udp = await ScrapeAsync(new AgentMetrics(() => _job, "udp-flows", "veth-gen", UdpJob.Command, flows: 288));
        string tcp = await ScrapeAsync(new AgentMetrics(() => _job, "tcp-flows", "veth-gen", TcpJob.Command, flows: 4));

        Assert.Equal(288, Value(udp, "flowgen_job_flows"));
        Assert.Equal(4, Value(tcp, "flowgen_job_flows"));
        Assert.Contains("# TYPE flowgen_job_flows gauge", udp, StringComparison.Ordinal);
        Assert.Equal(4, TcpJob.Parse(["--flows", "4", "-i", "veth-gen", "198.18.0.2"]).FlowCount);
    }

    [Theory]
    [InlineData("--vlan 100:5 -s imix --flow-order random -d 4", "vlan=\"100:5\",sizes=\"imix\",flow_order=\"random\",probes=\"none\"")]
    [InlineData("-s 128:7,1518:1 --stamp", "vlan=\"\",sizes=\"128:7,1518:1\",flow_order=\"seq\",probes=\"stamp\"")]
    [InlineData("--latency -s 128", "vlan=\"\",sizes=\"128\",flow_order=\"seq\",probes=\"latency\"")]
    public async Task The_job_info_is_1_with_the_udp_jobs_shape_in_its_labels(string options, string labels)
    {
        var job = UdpJob.Parse([.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-a", "198.18.0.2", "veth-gen"]);

        string text = await ScrapeAsync(new AgentMetrics(() => _job, "udp-shape", "veth-gen", job.Mode, shape: JobInfoLabels.Of(job)));

        var info = Assert.Single(Samples(text), s => s.Name == "flowgen_job_info");
        Assert.Equal((labels + ",flow=\"udp-shape\",interface=\"veth-gen\",mode=\"udp\"", 1.0), (info.Labels, info.Value));
        Assert.Contains("# TYPE flowgen_job_info gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tcp_job_has_no_job_info()
    {
        var job = TcpJob.Parse(["-i", "veth-gen", "198.18.0.2"]);

        Assert.Null(JobInfoLabels.Of(job));
        Assert.DoesNotContain("flowgen_job_info", await ScrapeAsync(new AgentMetrics(() => _job, "tcp", "veth-gen", job.Mode, shape: JobInfoLabels.Of(job))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tcp_job_has_no_series_by_size()
    {
        _job = _job with { Figures = FakeArmedJob.UdpCounts(sent: 10) with { FramesBySize = [new(1518, 1, 10)] } };

        string text = await ScrapeAsync(Metrics("tcp-stream", "tcp"));

        Assert.DoesNotContain(BySize, text, StringComparison.Ordinal);
    }

    private static readonly int[] ImixSizes = [64, 594, 1518];

    private JobSnapshot ImixRunning(long sent, long[] handedOut) => _job with
    {
        State = AgentState.Running,
        Figures = FakeArmedJob.UdpCounts(sent) with
        {
            FramesBySize = [.. ImixSizes.Zip([7, 4, 1], handedOut).Select(c => new SizeClassFrames(c.First, c.Second, c.Third))],
        },
    };

    private static double[] SentBySize(string text) =>
        [.. ImixSizes.Select(size => Samples(text).SingleOrDefault(s => s.Name == BySize && s.Labels.Contains($"size=\"{size}\"", StringComparison.Ordinal)).Value)];
}
