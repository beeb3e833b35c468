using Flowgen.Engine;
using Prometheus;

namespace Flowgen.Control;

/// <summary>
/// `flowgen sink --metrics-port`'s series, on a registry of their own, read from the sink's BPF
/// maps at scrape time. They are totals per sink (label: interface), not per probe sequence: a
/// sink follows up to 4096 sequences whose stream ids change with every generator run, so series
/// per sequence would grow without bound; `sink --verify --json` lists each sequence at exit.
/// Lost probes are a gauge, not a counter: a gap counts as lost until the missing probe arrives
/// late, so the count falls again. The probes lost per second are
/// rate(expected) − rate(received), both counters.
/// </summary>
internal sealed class SinkMetrics
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    /// <param name="read">The sink's frame counters.</param>
    /// <param name="verification">With --verify: what it saw of the probe sequences; null adds no probe series.</param>
    public SinkMetrics(Func<SinkCounters> read, Func<SequenceVerification>? verification, string iface)
    {
        IMetricFactory factory = Metrics.WithCustomRegistry(_registry).WithLabels(new Dictionary<string, string> { ["interface"] = iface });
        Counter packets = factory.CreateCounter("flowgen_sink_packets_received_total",
            "UDP test frames (IPv4 and IPv6) the sink counted on its interface.");
        Counter bytes = factory.CreateCounter("flowgen_sink_bytes_received_total",
            "Bytes on the wire of those frames, 4-byte FCS included.");
        Counter other = factory.CreateCounter("flowgen_sink_other_frames_total",
            "Other frames (ARP, neighbour discovery, anything not UDP) the sink passed to the stack.");
        Action probes = verification is null ? () => { } : ProbeSeries(factory, verification);
        _registry.AddBeforeCollectCallback(() =>
        {
            SinkCounters now = read();
            packets.IncTo(now.Packets);
            bytes.IncTo(now.WireBytes);
            other.IncTo(now.Other);
            probes();
        });
    }

    /// <summary>The --verify series; the returned action sets them from a reading.</summary>
    private static Action ProbeSeries(IMetricFactory factory, Func<SequenceVerification> verification)
    {
        Counter expected = factory.CreateCounter("flowgen_sink_probes_expected_total",
            "Probes the followed sequences should have delivered so far: per sequence one past the highest seq received.");
        Counter received = factory.CreateCounter("flowgen_sink_probes_received_total",
            "Distinct probes received (duplicates not counted again), late ones included.");
        Gauge lost = factory.CreateGauge("flowgen_sink_probes_lost",
            "Probes missing now: expected minus received. Falls when a missing probe arrives late.");
        Counter duplicated = factory.CreateCounter("flowgen_sink_probes_duplicated_total",
            "Probes received again (a seq within the window that had arrived before).");
        Counter reordered = factory.CreateCounter("flowgen_sink_probes_reordered_total",
            "Probes that arrived after a later one of their sequence: a gap filled.");
        Counter stale = factory.CreateCounter("flowgen_sink_probes_stale_total",
            "Probes further behind their sequence's newest than the sink's window: not classified.");
        Counter untracked = factory.CreateCounter("flowgen_sink_probes_untracked_total",
            "Probes of sequences beyond the sink's limit of 4096, not followed.");
        Gauge sequences = factory.CreateGauge("flowgen_sink_probe_sequences",
            "Probe sequences (stream, flow) the sink follows.");
        return () =>
        {
            SequenceVerification v = verification();
            expected.IncTo(v.Expected);
            received.IncTo(v.Received);
            lost.Set(v.Lost);
            duplicated.IncTo(v.Duplicates);
            reordered.IncTo(v.Reordered);
            stale.IncTo(v.Stale);
            untracked.IncTo(v.Untracked);
            sequences.Set(v.Flows.Count);
        };
    }

    public Task ExportAsync(Stream destination, CancellationToken ct) => MetricsEndpoint.ExportAsync(_registry, destination, ct);
}
