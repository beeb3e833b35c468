using System.Globalization;
using Flowgen.Engine;

namespace Flowgen.Cli;

internal sealed record SinkAttachedReport(string Event, string Interface, int Ifindex, string Mode);

internal sealed record SinkIntervalReport(string Event, double Elapsed, long Packets, long WireBytes, long Other,
    double PacketsPerSecond, double MbitPerSecond, long? Lost = null, long? Duplicates = null, long? Reordered = null);

internal sealed record SinkSummaryReport(string Event, long Packets, long WireBytes, long Other, double Seconds,
    double PacketsPerSecond, double MbitPerSecond);

/// <summary>
/// Arrivals per bin of <c>--timeline</c>: Counts[i] arrived in [StartSeconds + i × BinSeconds, + BinSeconds)
/// after the sink attached, from the first bin that holds a frame to the last. When
/// LastBinCollectsLater, the last count also holds everything that came after the timeline's end.
/// </summary>
internal sealed record SinkTimelineReport(string Event, double BinSeconds, double StartSeconds, IReadOnlyList<long> Counts,
    bool LastBinCollectsLater);

/// <summary>
/// What `flowgen sink` prints: a line once attached, one per interval, a summary; with --verify
/// (<paramref name="verification"/> set) the loss figures on each line and the flows at the end.
/// </summary>
internal sealed class SinkReporter(TextWriter output, bool json, Func<SequenceVerification>? verification = null)
    : ICountsReporter<SinkCounters>
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private SinkCounters _last;
    private TimeSpan _lastAt;

    public void Attached(string iface, int ifindex, bool pass)
    {
        string mode = pass ? "pass" : "drop";
        if (json)
        {
            JsonLines.Write(output, new SinkAttachedReport("attached", iface, ifindex, mode));
            return;
        }
        output.WriteLine($"flowgen sink: counting UDP test traffic on {iface} and {(pass ? "passing it to the stack" : "dropping it")}; other traffic passes");
        output.WriteLine($"{"time",8} {"received/s",14} {"Mbit/s",12} {"total",16}" +
            (verification is null ? "" : $" {"lost",12} {"duplicates",12} {"reordered",12}"));
        output.Flush();
    }

    public void Interval(SinkCounters now, TimeSpan at)
    {
        TimeSpan span = at - _lastAt;
        double pps = Rates.PerSecond(now.Packets - _last.Packets, span);
        double mbit = Rates.WireMbitsFromBytes(now.WireBytes - _last.WireBytes, span);
        _last = now;
        _lastAt = at;
        SequenceVerification? v = verification?.Invoke();
        if (json)
        {
            JsonLines.Write(output, new SinkIntervalReport("interval", Math.Round(at.TotalSeconds, 3), now.Packets, now.WireBytes, now.Other, pps, mbit,
                v?.Lost, v?.Duplicates, v?.Reordered));
            return;
        }
        string losses = v is null ? "" : string.Create(Numbers, $" {v.Lost,12:N0} {v.Duplicates,12:N0} {v.Reordered,12:N0}");
        output.WriteLine(string.Create(Numbers, $"{at.TotalSeconds,7:F1}s {pps,14:N0} {mbit,12:N1} {now.Packets,16:N0}") + losses);
        output.Flush();
    }

    public void Summary(SinkCounters total, TimeSpan elapsed)
    {
        if (verification is not null)
            SequenceReport.Write(output, json, verification());
        double pps = Rates.PerSecond(total.Packets, elapsed);
        double mbit = Rates.WireMbitsFromBytes(total.WireBytes, elapsed);
        if (json)
        {
            JsonLines.Write(output, new SinkSummaryReport("summary", total.Packets, total.WireBytes, total.Other,
                Math.Round(elapsed.TotalSeconds, 3), pps, mbit));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"summary: received {total.Packets:N0} test frames ({total.WireBytes:N0} bytes on the wire) in {elapsed.TotalSeconds:F2} s: " +
            $"{pps / 1e6:F2} Mpps, {mbit:N1} Mbit/s; {total.Other:N0} other frames passed"));
        output.Flush();
    }

    /// <param name="counts">Every bin of the timeline; the last one also collects later frames.</param>
    public void Timeline(long[] counts, TimeSpan bin)
    {
        int first = Array.FindIndex(counts, count => count != 0);
        int last = Array.FindLastIndex(counts, count => count != 0);
        long[] held = first < 0 ? [] : counts[first..(last + 1)];
        var report = new SinkTimelineReport("timeline", bin.TotalSeconds, Math.Max(first, 0) * bin.TotalSeconds, held,
            last == counts.Length - 1);
        if (json)
        {
            JsonLines.Write(output, report);
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"timeline: {held.Length} bins of {Contract.ValueFormat.Duration(bin)} from {report.StartSeconds:F3} s after attaching" +
            $"{(report.LastBinCollectsLater ? " (the last also holds all later frames)" : "")}: {string.Join(' ', held)}"));
        output.Flush();
    }
}
