using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>One probe sequence in <c>flowgen sink --verify --json</c>'s "verified" line.</summary>
public sealed record VerifiedSequence(long Stream, long Flow, string Source, string Destination, long SourcePort, long DestinationPort,
    long Expected, long Received, long Lost, long Duplicates, long Reordered, long Stale);

/// <summary>The "verified" line of <c>flowgen sink --verify --json</c>, printed at exit.</summary>
public sealed record SinkVerified(IReadOnlyList<VerifiedSequence> Flows, long Expected, long Received, long Lost, long Duplicates,
    long Reordered, long Stale, long Untracked)
{
    public static SinkVerified Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "verified", describe);
        var flows = json.GetProperty("flows").EnumerateArray().Select(Sequence).ToList();
        return new SinkVerified(flows, json.Integer("expected"), json.Integer("received"), json.Integer("lost"),
            json.Integer("duplicates"), json.Integer("reordered"), json.Integer("stale"), json.Integer("untracked"));
    }

    static VerifiedSequence Sequence(JsonElement f) => new(f.Integer("stream"), f.Integer("flow"), f.Text("source"), f.Text("destination"),
        f.Integer("sourcePort"), f.Integer("destinationPort"), f.Integer("expected"), f.Integer("received"), f.Integer("lost"),
        f.Integer("duplicates"), f.Integer("reordered"), f.Integer("stale"));
}
