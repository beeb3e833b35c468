using System.Globalization;
using Prometheus;

namespace Flowgen.Control;

/// <summary>
/// flowgen_packets_sent_by_size_total: the frames sent, split by size. The kernel counts frames the
/// driver sent but not their sizes, and the program counts frames handed out per size, so at each
/// scrape the frames sent since the last one are split in the shares of the sizes handed out since
/// then (largest remainders, so the parts add up exactly). The series thus sum to
/// flowgen_packets_sent_total at every scrape, each only grows, and bytes follow as
/// flowgen_bytes_sent_total does (sent × the mean size handed out).
/// </summary>
internal sealed class SizeMixMetrics(IMetricFactory factory)
{
    private readonly Counter _sent = factory.CreateCounter("flowgen_packets_sent_by_size_total",
        "Frames of a UDP job sent (as in flowgen_packets_sent_total, which they sum to) by their size on the wire, FCS included: " +
        "the frames sent since the last scrape split in the shares of the sizes the generator handed out meanwhile.",
        ["size"]);

    private long _accounted;
    private Dictionary<int, long> _handedOut = [];

    /// <summary>Splits what <paramref name="sent"/> gained since the last call over the job's sizes.</summary>
    public void Update(long sent, IReadOnlyList<SizeClassFrames>? sizes)
    {
        if (sizes is null || sizes.Count == 0)
            return;
        Dictionary<int, long> handedOut = sizes.GroupBy(s => s.WireSize).ToDictionary(g => g.Key, g => g.Sum(s => s.HandedOut));
        long gained = sent - _accounted;
        if (gained > 0)
        {
            foreach ((int size, long frames) in Split(gained, Shares(sizes, handedOut)))
                _sent.WithLabels(size.ToString(CultureInfo.InvariantCulture)).Inc(frames);
            _accounted = sent;
        }
        _handedOut = handedOut;
    }

    /// <summary>The sizes handed out since the last call; else all handed out so far; else (a template sent untouched) the weights.</summary>
    private Dictionary<int, long> Shares(IReadOnlyList<SizeClassFrames> sizes, Dictionary<int, long> handedOut)
    {
        var recent = handedOut.ToDictionary(p => p.Key, p => Math.Max(0, p.Value - _handedOut.GetValueOrDefault(p.Key)));
        if (recent.Values.Sum() > 0)
            return recent;
        if (handedOut.Values.Sum() > 0)
            return handedOut;
        return sizes.GroupBy(s => s.WireSize).ToDictionary(g => g.Key, g => (long)g.Sum(s => s.Weight));
    }

    /// <summary><paramref name="total"/> in parts proportional to <paramref name="shares"/> that add up to it exactly.</summary>
    private static Dictionary<int, long> Split(long total, IReadOnlyDictionary<int, long> shares)
    {
        Int128 whole = shares.Values.Aggregate(Int128.Zero, (sum, v) => sum + v);
        var parts = shares.ToDictionary(p => p.Key, p => (long)(total * (Int128)p.Value / whole));
        long left = total - parts.Values.Sum();
        foreach (int size in shares.OrderByDescending(p => total * (Int128)p.Value % whole).ThenBy(p => p.Key).Select(p => p.Key).Take((int)left))
            parts[size]++;
        return parts;
    }
}
