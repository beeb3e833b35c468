using System.Globalization;
using Flowgen.Engine;

namespace Flowgen.Cli;

internal sealed record WireAttachedReport(string Event, string InterfaceA, int IfindexA, string InterfaceB, int IfindexB,
    double DropPercentAToB, double DropPercentBToA, string Lose);

/// <summary>One direction's running totals, and its rates since the last line (over the run in the summary).</summary>
internal sealed record WireDirectionReport(long Forwarded, long ForwardedBytes, long Dropped, long DroppedBytes,
    long Transmitted, long TransmitDropped, long RedirectErrors, double ForwardedPerSecond, double DroppedPerSecond);

internal sealed record WireIntervalReport(string Event, double Elapsed, WireDirectionReport AToB, WireDirectionReport BToA);

internal sealed record WireSummaryReport(string Event, double Seconds, WireDirectionReport AToB, WireDirectionReport BToA);

/// <summary>What `flowgen wire` prints: a line once attached, one per interval, a summary.</summary>
internal sealed class WireReporter(TextWriter output, bool json) : ICountsReporter<WireCounters>
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private WireCounters _last;
    private TimeSpan _lastAt;

    public void Attached(WireOptions options, int ifindexA, int ifindexB)
    {
        string lose = LoseName(options.Settings.Loss);
        double aToB = Percent(options.Settings.DropPpmAToB), bToA = Percent(options.Settings.DropPpmBToA);
        if (json)
        {
            JsonLines.Write(output, new WireAttachedReport("attached", options.InterfaceA, ifindexA, options.InterfaceB, ifindexB, aToB, bToA, lose));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"flowgen wire: {options.InterfaceA} (A) <-> {options.InterfaceB} (B), dropping {aToB}% of A to B and {bToA}% of B to A ({lose} frames may be dropped)"));
        output.WriteLine($"{"time",8} {"A>B fwd/s",12} {"A>B drop/s",12} {"B>A fwd/s",12} {"B>A drop/s",12} {"A>B dropped",14} {"B>A dropped",14}");
        output.Flush();
    }

    public void Interval(WireCounters now, TimeSpan at)
    {
        TimeSpan span = at - _lastAt;
        WireDirectionReport aToB = Direction(now.AToB, _last.AToB, span), bToA = Direction(now.BToA, _last.BToA, span);
        _last = now;
        _lastAt = at;
        if (json)
        {
            JsonLines.Write(output, new WireIntervalReport("interval", Math.Round(at.TotalSeconds, 3), aToB, bToA));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"{at.TotalSeconds,7:F1}s {aToB.ForwardedPerSecond,12:N0} {aToB.DroppedPerSecond,12:N0} {bToA.ForwardedPerSecond,12:N0} " +
            $"{bToA.DroppedPerSecond,12:N0} {now.AToB.Dropped,14:N0} {now.BToA.Dropped,14:N0}"));
        output.Flush();
    }

    public void Summary(WireCounters total, TimeSpan elapsed)
    {
        WireDirectionReport aToB = Direction(total.AToB, default, elapsed), bToA = Direction(total.BToA, default, elapsed);
        if (json)
        {
            JsonLines.Write(output, new WireSummaryReport("summary", Math.Round(elapsed.TotalSeconds, 3), aToB, bToA));
            return;
        }
        output.WriteLine(string.Create(Numbers, $"summary after {elapsed.TotalSeconds:F2} s:"));
        output.WriteLine(Describe("A to B", total.AToB));
        output.WriteLine(Describe("B to A", total.BToA));
        output.Flush();
    }

    private static string Describe(string direction, WireDirectionCounters c)
    {
        double droppedPercent = c.Arrived > 0 ? 100.0 * c.Dropped / c.Arrived : 0;
        return string.Create(Numbers,
            $"  {direction}: forwarded {c.Forwarded:N0} frames ({c.ForwardedBytes:N0} bytes), dropped {c.Dropped:N0} ({droppedPercent:F3}%); " +
            $"of the forwarded: transmitted {c.Transmitted:N0}, dropped by the driver {c.TransmitDropped:N0}, redirect errors {c.RedirectErrors:N0}");
    }

    private static WireDirectionReport Direction(WireDirectionCounters now, WireDirectionCounters last, TimeSpan span) => new(
        now.Forwarded, now.ForwardedBytes, now.Dropped, now.DroppedBytes, now.Transmitted, now.TransmitDropped, now.RedirectErrors,
        Rates.PerSecond(now.Forwarded - last.Forwarded, span), Rates.PerSecond(now.Dropped - last.Dropped, span));

    private static double Percent(uint partsPerMillion) => partsPerMillion * 100.0 / WireSettings.PartsPerMillion;

    private static string LoseName(WireLoss loss) => loss switch
    {
        WireLoss.UdpTcp => "udp-tcp",
        WireLoss.All => "all",
        _ => "ip",
    };
}
