using Flowgen.Contract;
using Prometheus;

namespace Flowgen.Control;

/// <summary>
/// The agent's Prometheus metrics, on a registry of their own (nothing but Flowgen's series).
/// Values are read from the job — the BPF counters while it is armed or running — at scrape
/// time, so a scrape always sees the kernel's current counts and no thread polls for them.
/// A TCP job adds its segments, resends, acknowledged bytes and send window; a UDP job its frames
/// sent by size, its shape (flowgen_job_info, <see cref="JobInfoLabels"/>), and with --latency its
/// round-trip histogram.
/// </summary>
internal sealed class AgentMetrics
{
    /// <summary>The Prometheus text exposition format, version 0.0.4.</summary>
    public const string ContentType = MetricsEndpoint.ContentType;

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    /// <param name="read">A consistent reading of the job, taken once per scrape.</param>
    /// <param name="mode">The job's <see cref="IGeneratorJob.Mode"/>: a label, and "tcp" adds the TCP series.</param>
    /// <param name="measuresLatency">A UDP job with --latency: adds the round-trip histogram.</param>
    /// <param name="flows">The job's <see cref="IGeneratorJob.FlowCount"/>.</param>
    /// <param name="shape">Values for <see cref="JobInfoLabels.Names"/> (<see cref="JobInfoLabels.Of"/>); null: no flowgen_job_info.</param>
    public AgentMetrics(Func<JobSnapshot> read, string? flow, string iface, string mode, bool measuresLatency = false, long flows = 1,
        IReadOnlyList<string>? shape = null)
    {
        IMetricFactory factory = Metrics.WithCustomRegistry(_registry).WithLabels(new Dictionary<string, string>
        {
            ["flow"] = flow ?? string.Empty,
            ["interface"] = iface,
            ["mode"] = mode,
        });
        Counter sent = factory.CreateCounter("flowgen_packets_sent_total",
            "Frames of this job that the driver accepted for transmission (xdp_devmap_xmit sent).");
        Counter bytes = factory.CreateCounter("flowgen_bytes_sent_total",
            "Bytes on the wire of the frames sent, 4-byte FCS included.");
        Counter dropped = factory.CreateCounter("flowgen_packets_dropped_total",
            "Frames of this job that the driver dropped instead of transmitting (xdp_devmap_xmit drops).");
        Counter attempted = factory.CreateCounter("flowgen_packets_attempted_total",
            "Frames the generator program handed on for transmission: sent plus dropped plus errors once a run ends.");
        Counter paced = factory.CreateCounter("flowgen_packets_paced_total",
            "Program runs of a job with a rate that held a frame back because it was not due yet: not frames, never dropped.");
        var onceSet = new GaugeConfiguration { SuppressInitialValue = true };
        Gauge targetPackets = factory.CreateGauge("flowgen_target_packets_per_second",
            "The rate a job with --rate sends at now (changed by POST /v1/rate), in frames per second; 0 once the job is over.", onceSet);
        Gauge targetBits = factory.CreateGauge("flowgen_target_bits_per_second",
            "The same target in bits per second of frames on the wire, FCS included; 0 once the job is over.", onceSet);
        Counter errors = factory.CreateCounter("flowgen_transmit_errors_total",
            "Frames of this job the kernel refused to redirect (xdp_redirect_err), by errno name.", ["reason"]);
        Gauge flowCount = factory.CreateGauge("flowgen_job_flows",
            "Flows the job sends: for UDP every combination of its addresses and ports, for TCP its connections.");
        Gauge state = factory.CreateGauge("flowgen_agent_state",
            "1 for the state the agent's job is in, 0 for the others.", ["state"]);
        Gauge build = factory.CreateGauge("flowgen_build_info",
            "Always 1; the flowgen version is in the version label.", ["version"]);

        Action<JobSnapshot> tcp = mode == TcpJob.Command ? TcpSeries(factory) : _ => { };
        SizeMixMetrics? sizes = mode == UdpJob.Command ? new SizeMixMetrics(factory) : null;
        LatencyMetrics? latency = measuresLatency ? new LatencyMetrics(factory) : null;

        build.WithLabels(BuildInfo.Version).Set(1);
        if (shape is not null)
        {
            factory.CreateGauge("flowgen_job_info",
                "Always 1; a UDP job's shape is in the labels: vlan (--vlan, empty when untagged), sizes (-s), flow_order, probes (none, stamp, latency).",
                JobInfoLabels.Names).WithLabels([.. shape]).Set(1);
        }
        flowCount.Set(flows);
        _registry.AddBeforeCollectCallback(() =>
        {
            JobSnapshot now = read();
            AgentTotals t = now.Figures.Totals;
            sent.IncTo(t.Sent);
            bytes.IncTo(t.BytesSent);
            dropped.IncTo(t.Dropped);
            attempted.IncTo(t.Attempted);
            paced.IncTo(t.Paced);
            if (now.Figures.TargetRate is { } target)
            {
                targetPackets.Set(now.State.IsFinal() ? 0 : target.PacketsPerSecond);
                targetBits.Set(now.State.IsFinal() ? 0 : target.BitsPerSecond);
            }
            foreach ((string reason, long count) in t.ErrorsByReason)
                errors.WithLabels(reason).IncTo(count);
            foreach (AgentState each in Enum.GetValues<AgentState>())
                state.WithLabels(each.ToString()).Set(each == now.State ? 1 : 0);
            tcp(now);
            sizes?.Update(t.Sent, now.Figures.FramesBySize);
            latency?.Update(now.Figures.Latency);
        });
    }

    /// <summary>A TCP job's own series; the returned action sets them from a reading.</summary>
    private static Action<JobSnapshot> TcpSeries(IMetricFactory factory)
    {
        Counter segments = factory.CreateCounter("flowgen_tcp_segments_sent_total",
            "Data segments of this job's TCP flows handed to the driver, resends included.");
        Counter resent = factory.CreateCounter("flowgen_tcp_segments_resent_total",
            "Data segments sent again because they were lost (fast retransmit or timeout); also in flowgen_tcp_segments_sent_total.");
        Counter acknowledged = factory.CreateCounter("flowgen_tcp_bytes_acknowledged_total",
            "Stream bytes the receivers acknowledged, summed over the flows.");
        Gauge window = factory.CreateGauge("flowgen_tcp_window_bytes",
            "The current send window in bytes, min(congestion window, peer's receive window), summed over the flows; 0 once the job is over.");
        return now =>
        {
            AgentTotals t = now.Figures.Totals;
            segments.IncTo(t.Sent);
            resent.IncTo(t.Resent);
            acknowledged.IncTo(t.BytesAcknowledged);
            window.Set(now.State.IsFinal() ? 0 : now.Figures.WindowBytes);
        };
    }

    /// <summary>Collects (reading the job) and writes every series in <see cref="ContentType"/>.</summary>
    public Task ExportAsync(Stream destination, CancellationToken ct) => MetricsEndpoint.ExportAsync(_registry, destination, ct);
}
