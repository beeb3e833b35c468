using System.Globalization;
using Flowgen.Engine;

namespace Flowgen.Cli;

internal sealed record VerifiedFlowReport(long Stream, long Flow, string Source, string Destination, int SourcePort, int DestinationPort,
    long Expected, long Received, long Lost, long Duplicates, long Reordered, long Stale);

internal sealed record VerifiedReport(string Event, IReadOnlyList<VerifiedFlowReport> Flows, long Expected, long Received, long Lost,
    long Duplicates, long Reordered, long Stale, long Untracked);

/// <summary>`flowgen sink --verify`'s account of each probe sequence, printed before the summary.</summary>
internal static class SequenceReport
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, bool json, SequenceVerification v)
    {
        if (json)
        {
            JsonLines.Write(output, new VerifiedReport("verified",
                [.. v.Flows.Select(f => new VerifiedFlowReport(f.Stream, f.Flow, f.Source.ToString(), f.Destination.ToString(),
                    f.SourcePort, f.DestinationPort, f.Expected, f.Received, f.Lost, f.Duplicates, f.Reordered, f.Stale))],
                v.Expected, v.Received, v.Lost, v.Duplicates, v.Reordered, v.Stale, v.Untracked));
            return;
        }
        output.WriteLine($"{"stream",6} {"flow",6} {"from",-28} {"to",-28} {"expected",14} {"received",14} {"lost",10} {"dup",8} {"reord",8} {"stale",8}");
        foreach (VerifiedFlow f in v.Flows)
        {
            output.WriteLine(string.Create(Numbers,
                $"{f.Stream,6} {f.Flow,6} {Endpoint(f.Source, f.SourcePort),-28} {Endpoint(f.Destination, f.DestinationPort),-28} " +
                $"{f.Expected,14:N0} {f.Received,14:N0} {f.Lost,10:N0} {f.Duplicates,8:N0} {f.Reordered,8:N0} {f.Stale,8:N0}"));
        }
        string untracked = v.Untracked > 0
            ? string.Create(Numbers, $", {v.Untracked:N0} probes of sequences beyond the sink's limit not followed")
            : "";
        output.WriteLine(string.Create(Numbers,
            $"verified {v.Flows.Count} probe sequences: {v.Received:N0} of {v.Expected:N0} expected received, {v.Lost:N0} lost, " +
            $"{v.Duplicates:N0} duplicated, {v.Reordered:N0} reordered, {v.Stale:N0} too late to classify") + untracked +
            " (losses after a sequence's last received packet are not visible here)");
    }

    private static string Endpoint(System.Net.IPAddress address, int port) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
