namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>The "timeline" line of <c>flowgen sink --json --timeline BIN</c>: arrivals per bin.</summary>
public sealed record SinkTimeline(double BinSeconds, IReadOnlyList<long> Counts, bool LastBinCollectsLater)
{
    public static SinkTimeline Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "timeline", describe);
        return new SinkTimeline(
            json.Number("binSeconds"),
            [.. json.GetProperty("counts").EnumerateArray().Select(count => count.GetInt64())],
            json.GetProperty("lastBinCollectsLater").GetBoolean());
    }

    /// <summary>The bins between the first and the last that hold frames: a stream's edges fill their bins only partly.</summary>
    public IReadOnlyList<long> Inner => Counts.Count <= 2 ? [] : [.. Counts.Skip(1).Take(Counts.Count - 2)];

    /// <summary>Seconds from the first arrival's bin to the last's.</summary>
    public double SpanSeconds => Counts.Count * BinSeconds;

    /// <summary>The most frames in any <paramref name="bins"/> consecutive inner bins (a sliding window).</summary>
    public long MostInWindow(int bins)
    {
        var inner = Inner;
        long most = 0, sum = 0;
        for (int i = 0; i < inner.Count; i++)
        {
            sum += inner[i] - (i >= bins ? inner[i - bins] : 0);
            if (i >= bins - 1)
                most = Math.Max(most, sum);
        }
        return most;
    }
}
