using System.Globalization;
using Flowgen.Engine;

namespace Flowgen.Cli;

internal sealed record ReflectAttachedReport(string Event, string Interface, int Ifindex);

internal sealed record ReflectIntervalReport(string Event, double Elapsed, long Reflected, long Passed, double ReflectedPerSecond);

internal sealed record ReflectSummaryReport(string Event, long Reflected, long Passed, double Seconds);

/// <summary>What `flowgen reflect` prints: a line once attached, one per interval, a summary.</summary>
internal sealed class ReflectReporter(TextWriter output, bool json) : ICountsReporter<ReflectCounters>
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private ReflectCounters _last;
    private TimeSpan _lastAt;

    public void Attached(string iface, int ifindex)
    {
        if (json)
        {
            JsonLines.Write(output, new ReflectAttachedReport("attached", iface, ifindex));
            return;
        }
        output.WriteLine($"flowgen reflect: sending probes arriving on {iface} back; other traffic passes");
        output.WriteLine($"{"time",8} {"reflected/s",14} {"reflected",16} {"passed",12}");
        output.Flush();
    }

    public void Interval(ReflectCounters now, TimeSpan at)
    {
        double pps = Rates.PerSecond(now.Reflected - _last.Reflected, at - _lastAt);
        _last = now;
        _lastAt = at;
        if (json)
        {
            JsonLines.Write(output, new ReflectIntervalReport("interval", Math.Round(at.TotalSeconds, 3), now.Reflected, now.Passed, pps));
            return;
        }
        output.WriteLine(string.Create(Numbers, $"{at.TotalSeconds,7:F1}s {pps,14:N0} {now.Reflected,16:N0} {now.Passed,12:N0}"));
        output.Flush();
    }

    public void Summary(ReflectCounters total, TimeSpan elapsed)
    {
        if (json)
        {
            JsonLines.Write(output, new ReflectSummaryReport("summary", total.Reflected, total.Passed, Math.Round(elapsed.TotalSeconds, 3)));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"summary: reflected {total.Reflected:N0} probes in {elapsed.TotalSeconds:F2} s; {total.Passed:N0} other frames passed"));
        output.Flush();
    }
}
