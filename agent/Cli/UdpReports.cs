using System.Globalization;
using Flowgen.Engine;

namespace Flowgen.Cli;

internal sealed record UdpStartedReport(
    string Event, string Interface, string Source, string Destination, string SourceMac, string DestinationMac,
    int SourcePort, int DestinationPort, int DynamicPorts, int FrameSize, IReadOnlyList<int> Cpus, int BatchSize,
    long? Packets, double? DurationSeconds, string? Rate, string Sizes, long Flows, string FlowOrder, string? Vlan, bool Stamp);

internal sealed record UdpIntervalReport(
    string Event, double Elapsed, long Sent, long Dropped, long Errors,
    double SentPerSecond, double DroppedPerSecond, double ErrorsPerSecond, double MbitPerSecond);

internal sealed record UdpSummaryReport(
    string Event, string Result, string? Reason, long Sent, long Dropped, long Errors, long Attempted,
    IReadOnlyDictionary<string, long> ErrorsByReason, double Seconds, double PacketsPerSecond, double MbitPerSecond,
    long Paced, LatencySummary? Latency = null);

/// <summary>
/// What `flowgen udp` prints: a header, one line per interval, a summary. Megabits count each
/// frame at the mean size of the frames the program handed out (sizes vary with -s imix).
/// </summary>
internal sealed class UdpReporter(TextWriter output, bool json, Func<GeneratorCounters, double> wireSize)
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    private GeneratorCounters _last = GeneratorCounters.Zero;
    private TimeSpan _lastAt;

    public void Started(PreparedUdpJob job)
    {
        var j = job.Job;
        if (json)
        {
            JsonLines.Write(output, new UdpStartedReport("started", j.Interface, job.Source.ToString(), j.Destination.ToString(),
                Contract.ValueFormat.Mac(job.SourceMac), Contract.ValueFormat.Mac(job.DestinationMac), j.SourcePort, j.DestinationPort,
                j.DynamicPorts, j.FrameSize, job.Settings.Cpus, j.BatchSize, j.Packets, j.Duration?.TotalSeconds, j.Rate?.ToString(),
                Sizes(job), j.FlowCount, j.RandomFlows ? "random" : "seq", j.Vlan?.ToString(), j.Stamp));
            return;
        }
        string ports = j.DynamicPorts > 1 ? $"{j.DestinationPort}-{j.DestinationPort + j.DynamicPorts - 1}" : $"{j.DestinationPort}";
        string sourcePorts = j.SourcePortCount > 1 ? $"{j.SourcePort}-{j.SourcePort + j.SourcePortCount - 1}" : $"{j.SourcePort}";
        string extras = (j.FlowCount > 1 ? $", {j.FlowCount:N0} flows ({(j.RandomFlows ? "random" : "in turn")})" : "")
            + (j.Vlan is { } vlan ? $", VLAN {vlan}" : "") + (j.Stamp ? ", stamped" : "");
        string limit = (j.Packets, j.Duration) switch
        {
            ({ } n, { } d) => $"until {n:N0} sent or {Contract.ValueFormat.Duration(d)}",
            ({ } n, null) => $"until {n:N0} sent",
            (null, { } d) => $"for {Contract.ValueFormat.Duration(d)}",
            _ => "until stopped",
        };
        string rate = j.Rate is { } r ? string.Create(Numbers, $" at {r.FramesPerSecond(job.MeanWireSize([])):N0} packets/s") : "";
        output.WriteLine(string.Create(Numbers,
            $"flowgen udp: {Contract.AddressRange.Format(job.Source, j.SourceCount)} port {sourcePorts} -> "
            + $"{Contract.AddressRange.Format(j.Destination, j.DestinationCount)} port {ports} on {j.Interface} " +
            $"(to {Contract.ValueFormat.Mac(job.DestinationMac)}), {Sizes(job)}{extras}, " +
            $"{job.Settings.Cpus.Count} thread(s) on CPU {Contract.ValueFormat.CpuList(job.Settings.Cpus)}, batch {j.BatchSize}, {limit}{rate}"));
        output.WriteLine($"{"time",8} {"sent/s",14} {"dropped/s",12} {"errors/s",12} {"Mbit/s",12}");
        output.Flush();
    }

    /// <summary>"64-byte frames", or the sizes with their weights as sent (IMIX adapted to the interface).</summary>
    private static string Sizes(PreparedUdpJob job) => job.SizeClasses.Count == 1
        ? $"{job.SizeClasses[0].Size.WireSize}-byte frames"
        : "frames of " + string.Join(',', job.SizeClasses.Select(c => $"{c.Size.WireSize}:{c.Weight}"))
            + (job.Job.SizeMix is { IsImix: true } ? " (imix)" : "");

    public void Interval(GeneratorCounters now, TimeSpan at)
    {
        TimeSpan span = at - _lastAt;
        long sent = now.Sent - _last.Sent, dropped = now.Dropped - _last.Dropped, errors = now.RedirectErrors - _last.RedirectErrors;
        _last = now;
        _lastAt = at;
        double mbit = Rates.WireMbits(sent, wireSize(now), span);
        if (json)
        {
            JsonLines.Write(output, new UdpIntervalReport("interval", Math.Round(at.TotalSeconds, 3), now.Sent, now.Dropped,
                now.RedirectErrors, Rates.PerSecond(sent, span), Rates.PerSecond(dropped, span), Rates.PerSecond(errors, span), mbit));
            return;
        }
        output.WriteLine(string.Create(Numbers,
            $"{at.TotalSeconds,7:F1}s {Rates.PerSecond(sent, span),14:N0} {Rates.PerSecond(dropped, span),12:N0} {Rates.PerSecond(errors, span),12:N0} {mbit,12:N1}"));
        output.Flush();
    }

    public void Summary(RunOutcome outcome, LatencySummary? latency = null)
    {
        GeneratorCounters c = outcome.Counters;
        var byReason = c.RedirectErrorsByReason;
        double pps = Rates.PerSecond(c.Sent, outcome.Elapsed);
        double mbit = Rates.WireMbits(c.Sent, wireSize(c), outcome.Elapsed);
        if (json)
        {
            JsonLines.Write(output, new UdpSummaryReport("summary", RunResultNames.Of(outcome.Result), outcome.Reason, c.Sent, c.Dropped,
                c.RedirectErrors, c.Attempted, byReason, Math.Round(outcome.Elapsed.TotalSeconds, 3), pps, mbit, c.Paced, latency));
            return;
        }
        string reasons = byReason.Count == 0 ? string.Empty
            : " (" + string.Join(", ", byReason.Select(pair => $"{pair.Value:N0} {pair.Key}")) + ")";
        string paced = c.Paced == 0 ? string.Empty : string.Create(Numbers, $"; rate control held back {c.Paced:N0} program runs");
        output.WriteLine(string.Create(Numbers,
            $"summary: {RunResultNames.Of(outcome.Result)}: sent {c.Sent:N0} frames, dropped {c.Dropped:N0}, errors {c.RedirectErrors:N0}{reasons} " +
            $"in {outcome.Elapsed.TotalSeconds:F2} s: {pps / 1e6:F2} Mpps, {mbit:N1} Mbit/s{paced}"));
        if (latency is { } l)
        {
            string outOfOrder = l.OutOfOrder > 0 ? string.Create(Numbers, $"; {l.OutOfOrder:N0} with times out of order, not counted") : "";
            output.WriteLine(string.Create(Numbers,
                $"latency: {l.Samples:N0} round trips (µs): min {l.MinUs:F1}, mean {l.MeanUs:F1}, p50 {l.P50Us:F1}, p99 {l.P99Us:F1}, " +
                $"p99.9 {l.P999Us:F1}, max {l.MaxUs:F1}") + outOfOrder);
        }
        output.Flush();
    }
}
