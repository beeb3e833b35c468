using Flowgen.Engine;
using Prometheus;

namespace Flowgen.Control;

/// <summary>
/// flowgen_latency_rtt_seconds: the BPF round-trip histogram as a Prometheus histogram. Round trips
/// are whole ns, and each bound is one ns below an edge of the BPF histogram's buckets (2^k and
/// 1.5 × 2^k ns, 1 µs to 1.6 s), so "le" (at most) holds exactly the BPF buckets below that edge:
/// at each scrape, every BPF bucket's new counts are observed at its largest value. Every bucket
/// count is exact; the sum is within a 32nd of the true one.
/// </summary>
internal sealed class LatencyMetrics(IMetricFactory factory)
{
    private const int FirstExponent = 10;
    private const int LastExponent = 30;

    private readonly Histogram _rtt = factory.CreateHistogram("flowgen_latency_rtt_seconds",
        "Round-trip time of this job's probes reflected back to it (flowgen udp --latency), send to return.",
        new HistogramConfiguration { Buckets = Bounds() });

    private long[] _observed = new long[BpfLayoutConstants.LatencyBuckets];

    /// <summary>Observes what the histogram gained since the last call.</summary>
    public void Update(LatencyHistogram? now)
    {
        if (now is null)
            return;
        var next = new long[_observed.Length];
        for (int i = 0; i < next.Length; i++)
        {
            next[i] = Math.Max(now.Buckets[i], _observed[i]);
            long gained = next[i] - _observed[i];
            if (gained > 0)
                _rtt.Observe((LatencyHistogram.UpperEdgeNs(i) - 1) / 1e9, gained);
        }
        _observed = next;
    }

    private static double[] Bounds() =>
    [
        .. Enumerable.Range(FirstExponent, LastExponent - FirstExponent + 1)
            .SelectMany(k => new[] { ((1L << k) - 1) / 1e9, (3 * (1L << (k - 1)) - 1) / 1e9 }),
    ];
}
