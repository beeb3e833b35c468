using System.Globalization;
using Flowgen.Engine;
using Flowgen.Engine.Tcp;

namespace Flowgen.Cli;

internal sealed record TcpStartedReport(
    string Event, string Interface, string Destination, int Port, int Flows, IReadOnlyList<int> LocalPorts, int RecordSize,
    bool Timestamps, bool Sack, int SendWindowScale, long PeerWindow, IReadOnlyList<int> Cpus, long? Segments, long? Bytes,
    double? DurationSeconds);

internal sealed record TcpIntervalReport(
    string Event, double Elapsed, long SegmentsSent, long SegmentsResent, long BytesAcknowledged,
    double SegmentsPerSecond, double ResentPerSecond, double GoodputMbitPerSecond, long PeerWindow, long Cwnd);

internal sealed record TcpFlowReport(
    long SegmentsSent, long SegmentsResent, long BytesAcknowledged, long Idle, long FastRetransmits, long Timeouts, long Probes, long PeerWindow,
    long Cwnd);

internal sealed record TcpSummaryReport(
    string Event, string Result, string? Reason, long SegmentsSent, long SegmentsResent, double ResentShare, long BytesAcknowledged,
    long Idle, long FastRetransmits, long Timeouts, long Probes, long PeerWindow, long Cwnd, int RecordSize, double Seconds,
    double GoodputMbitPerSecond, bool CleanClose, IReadOnlyList<TcpFlowReport> Flows);

/// <summary>What `flowgen tcp` prints: a header, one line per interval, a summary (goodput = bytes acknowledged per second).</summary>
internal sealed class TcpReporter(TextWriter output, bool json)
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private TcpCounters _last = TcpCounters.Zero;
    private TimeSpan _lastAt;

    public void Started(PreparedTcpJob job, IReadOnlyList<TakenOverFlow> flows)
    {
        var j = job.Job;
        var first = flows[0];
        var n = first.Negotiation;
        if (json)
        {
            JsonLines.Write(output, new TcpStartedReport("started", j.Interface, j.Destination.ToString(), j.Port, flows.Count,
                [.. flows.Select(f => (int)f.Spec.SourcePort)], first.RecordSize, n.Timestamps, n.Sack, n.SendWindowScale, n.PeerWindow,
                job.Cpus, j.Segments, j.Bytes, j.Duration?.TotalSeconds));
            return;
        }
        string limit = (j.Segments, j.Bytes, j.Duration) switch
        {
            ({ } s, _, _) => $"until {s:N0} segments are acknowledged",
            (_, { } b, _) => $"until {b:N0} bytes (whole records) are acknowledged",
            (_, _, { } d) => $"for {Contract.ValueFormat.Duration(d)}",
            _ => "until stopped",
        };
        output.WriteLine(string.Create(Numbers,
            $"flowgen tcp: {job.Source} -> {j.Destination} port {j.Port} on {j.Interface}, {flows.Count} flow(s) " +
            $"(local port {string.Join(", ", flows.Select(f => f.Spec.SourcePort))}), {first.RecordSize}-byte records, " +
            $"timestamps {OnOff(n.Timestamps)}, SACK {OnOff(n.Sack)}, peer window {n.PeerWindow:N0} (scale {n.SendWindowScale}), {limit}"));
        output.WriteLine($"{"time",8} {"segments/s",12} {"resent/s",10} {"goodput Mbit/s",15} {"acknowledged",16} {"window",10} {"cwnd",7}");
        output.Flush();
    }

    public void Interval(TcpCounters now, TimeSpan at)
    {
        TimeSpan span = at - _lastAt;
        long sent = now.SegmentsSent - _last.SegmentsSent, resent = now.SegmentsResent - _last.SegmentsResent;
        double goodput = Rates.PerSecond(now.BytesAcknowledged - _last.BytesAcknowledged, span) * 8 / 1e6;
        _last = now;
        _lastAt = at;
        if (json)
        {
            JsonLines.Write(output, new TcpIntervalReport("interval", Math.Round(at.TotalSeconds, 3), now.SegmentsSent, now.SegmentsResent,
                now.BytesAcknowledged, Rates.PerSecond(sent, span), Rates.PerSecond(resent, span), goodput, now.PeerWindow, now.Cwnd));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"{at.TotalSeconds,7:F1}s {Rates.PerSecond(sent, span),12:N0} {Rates.PerSecond(resent, span),10:N0} {goodput,15:N1} " +
            $"{now.BytesAcknowledged,16:N0} {now.PeerWindow,10:N0} {now.Cwnd,7:N0}"));
        output.Flush();
    }

    public void Summary(TcpStreamOutcome outcome, int recordSize)
    {
        TcpCounters c = outcome.Counters;
        double goodput = Rates.PerSecond(c.BytesAcknowledged, outcome.Elapsed) * 8 / 1e6;
        if (json)
        {
            JsonLines.Write(output, new TcpSummaryReport("summary", RunResultNames.Of(outcome.Result), outcome.Reason, c.SegmentsSent,
                c.SegmentsResent, Math.Round(c.ResentShare, 6), c.BytesAcknowledged, c.Idle, c.FastRetransmits, c.Timeouts, c.Probes, c.PeerWindow,
                c.Cwnd, recordSize, Math.Round(outcome.Elapsed.TotalSeconds, 3), goodput, outcome.CleanClose,
                [.. c.Flows.Select(f => new TcpFlowReport(f.SegmentsSent, f.SegmentsResent, f.BytesAcknowledged, f.Idle,
                    f.FastRetransmits, f.Timeouts, f.Probes, f.PeerWindow, f.Cwnd))]));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"summary: {RunResultNames.Of(outcome.Result)}: sent {c.SegmentsSent:N0} segments, resent {c.SegmentsResent:N0} " +
            $"({c.ResentShare * 100:F2}%), acknowledged {c.BytesAcknowledged:N0} bytes in {outcome.Elapsed.TotalSeconds:F2} s: " +
            $"goodput {goodput:N1} Mbit/s; {recordSize}-byte records; fast retransmits {c.FastRetransmits:N0}, timeouts {c.Timeouts:N0}, probes {c.Probes:N0}, " +
            $"idle runs {c.Idle:N0}; {(outcome.CleanClose ? "closed cleanly" : "not closed cleanly")}"));
        output.Flush();
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
