using Flowgen.Contract;
using Flowgen.Engine;
using Prometheus;

namespace Flowgen.Control;

/// <summary>
/// The agent's Prometheus metrics, on a registry of their own (nothing but Flowgen's series).
/// Values are read from the job — the BPF counters while it is armed or running — at scrape
/// time, so a scrape always sees the kernel's current counts and no thread polls for them.
/// </summary>
internal sealed class AgentMetrics
{
    /// <summary>The Prometheus text exposition format, version 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    /// <param name="read">A consistent reading of the job, taken once per scrape.</param>
    /// <param name="frameSize">Frame size on the wire, FCS included (-s), for the byte count.</param>
    public AgentMetrics(Func<JobSnapshot> read, string? flow, string iface, string mode, int frameSize)
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
            "Bytes on the wire of the frames sent, 4-byte FCS included (sent frames times the frame size).");
        Counter dropped = factory.CreateCounter("flowgen_packets_dropped_total",
            "Frames of this job that the driver dropped instead of transmitting (xdp_devmap_xmit drops).");
        Counter attempted = factory.CreateCounter("flowgen_packets_attempted_total",
            "Frames the generator program handed on for transmission: sent plus dropped plus errors once a run ends.");
        Counter errors = factory.CreateCounter("flowgen_transmit_errors_total",
            "Frames of this job the kernel refused to redirect (xdp_redirect_err), by errno name.", ["reason"]);
        Gauge state = factory.CreateGauge("flowgen_agent_state",
            "1 for the state the agent's job is in, 0 for the others.", ["state"]);
        Gauge build = factory.CreateGauge("flowgen_build_info",
            "Always 1; the flowgen version is in the version label.", ["version"]);

        build.WithLabels(BuildInfo.Version).Set(1);
        _registry.AddBeforeCollectCallback(() =>
        {
            JobSnapshot now = read();
            GeneratorCounters c = now.Counters;
            sent.IncTo(c.Sent);
            bytes.IncTo(c.Sent * (double)frameSize);
            dropped.IncTo(c.Dropped);
            attempted.IncTo(c.Attempted);
            foreach ((string reason, long count) in c.RedirectErrorsByReason)
                errors.WithLabels(reason).IncTo(count);
            foreach (AgentState each in Enum.GetValues<AgentState>())
                state.WithLabels(each.ToString()).Set(each == now.State ? 1 : 0);
        });
    }

    /// <summary>Collects (reading the job) and writes every series in <see cref="ContentType"/>.</summary>
    public Task ExportAsync(Stream destination, CancellationToken ct) =>
        _registry.CollectAndExportAsTextAsync(destination, ExpositionFormat.PrometheusText, ct);
}
