namespace Flowgen.Engine;

/// <summary>The end of a latency run: waiting for the last probes' return, and the raw samples as CSV.</summary>
internal static class LatencyCollection
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After the generator stopped, the histogram once no probe has come back for 200 ms (at most
    /// 2 s): the probes still on their way when sending ended are counted too.
    /// </summary>
    public static async Task<LatencyHistogram> SettleAsync(LatencyReceiver receiver)
    {
        var started = DateTime.UtcNow;
        var histogram = receiver.ReadHistogram();
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow - started < Limit && DateTime.UtcNow - quietSince < Quiet)
        {
            await Task.Delay(Poll);
            var now = receiver.ReadHistogram();
            if (Caught(now) != Caught(histogram))
                quietSince = DateTime.UtcNow;
            histogram = now;
        }
        return histogram;
    }

    /// <summary>Writes the samples as CSV: stream,flow,seq,sent_ns,reflected_ns,returned_ns.</summary>
    public static void WriteCsv(string path, IReadOnlyList<LatencySample> samples)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("stream,flow,seq,sent_ns,reflected_ns,returned_ns");
        foreach (var s in samples)
            writer.WriteLine(FormattableString.Invariant($"{s.Stream},{s.Flow},{s.Seq},{s.SentNs},{s.ReflectedNs},{s.ReturnedNs}"));
    }

    private static long Caught(LatencyHistogram h) => h.Samples + h.OutOfOrder;
}
