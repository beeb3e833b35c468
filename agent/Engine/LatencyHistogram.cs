namespace Flowgen.Engine;

/// <summary>Round trips in microseconds: how many, and where they fall.</summary>
internal sealed record LatencySummary(long Samples, double MinUs, double MeanUs, double P50Us, double P99Us, double P999Us, double MaxUs,
    long OutOfOrder);

/// <summary>
/// The round-trip histogram of bpf/latency.bpf.c: below 2^SubBits ns one bucket per ns; above,
/// each power of two cut into 2^SubBits equal buckets, so a bucket is at most 1/32 of its values wide.
/// Quantiles are a bucket's upper edge (never below the true value), clamped to the exact min and max.
/// </summary>
internal sealed class LatencyHistogram(long[] buckets, long samples, long sumNs, long minNs, long maxNs, long outOfOrder)
{
    private const int SubBits = BpfLayoutConstants.LatencySubBits;
    private const int SubBuckets = 1 << SubBits;

    public static LatencyHistogram Empty { get; } = new(new long[BpfLayoutConstants.LatencyBuckets], 0, 0, 0, 0, 0);

    public IReadOnlyList<long> Buckets => buckets;
    public long Samples => samples;
    public long SumNs => sumNs;
    public long MinNs => minNs;
    public long MaxNs => maxNs;
    public long OutOfOrder => outOfOrder;

    /// <summary>The bucket of a round trip of <paramref name="ns"/>, as the BPF program picks it.</summary>
    public static int BucketOf(ulong ns)
    {
        if (ns < SubBuckets)
            return (int)ns;
        int exponent = 63 - System.Numerics.BitOperations.LeadingZeroCount(ns);
        if (exponent > BpfLayoutConstants.LatencyMaxExponent)
            return BpfLayoutConstants.LatencyBuckets - 1;
        int shift = exponent - SubBits;
        return SubBuckets * (shift + 1) + (int)((ns >> shift) & (SubBuckets - 1));
    }

    /// <summary>The smallest round trip (ns) bucket <paramref name="index"/> holds.</summary>
    public static ulong LowerEdgeNs(int index)
    {
        if (index < SubBuckets)
            return (ulong)index;
        int shift = index / SubBuckets - 1;
        return (ulong)(SubBuckets + index % SubBuckets) << shift;
    }

    /// <summary>One past the largest round trip (ns) bucket <paramref name="index"/> holds.</summary>
    public static ulong UpperEdgeNs(int index) =>
        index < SubBuckets ? (ulong)index + 1 : LowerEdgeNs(index) + (1UL << (index / SubBuckets - 1));

    /// <summary>The round trip (ns) at or below which a share <paramref name="q"/> of the samples fall; 0 without samples.</summary>
    public double QuantileNs(double q)
    {
        long total = buckets.Sum();
        if (total == 0)
            return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        for (int i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
                return Math.Clamp((long)UpperEdgeNs(i) - 1, minNs, maxNs);
        }
        return maxNs;
    }

    public LatencySummary Summarize() => new(samples,
        minNs / 1e3, samples > 0 ? sumNs / 1e3 / samples : 0,
        QuantileNs(0.5) / 1e3, QuantileNs(0.99) / 1e3, QuantileNs(0.999) / 1e3, maxNs / 1e3, outOfOrder);
}
