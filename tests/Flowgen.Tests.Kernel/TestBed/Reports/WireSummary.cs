using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>One direction of a <c>flowgen wire --json</c> summary.</summary>
public sealed record WireDirection(long Forwarded, long Dropped, long Transmitted, long TransmitDropped, long RedirectErrors)
{
    internal static WireDirection Parse(JsonElement json) => new(
        json.Integer("forwarded"), json.Integer("dropped"), json.Integer("transmitted"),
        json.Integer("transmitDropped"), json.Integer("redirectErrors"));
}

/// <summary>The last line of <c>flowgen wire --json</c>: A is the generator's side, B the sink's.</summary>
public sealed record WireSummary(WireDirection AToB, WireDirection BToA, double Seconds)
{
    public static WireSummary Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "summary", describe);
        return new WireSummary(WireDirection.Parse(json.GetProperty("aToB")), WireDirection.Parse(json.GetProperty("bToA")), json.Number("seconds"));
    }
}
