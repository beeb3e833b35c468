namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>The last line of <c>flowgen sink --json</c>.</summary>
public sealed record SinkSummary(long Packets, long WireBytes, long Other, double Seconds)
{
    public static SinkSummary Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "summary", describe);
        return new SinkSummary(json.Integer("packets"), json.Integer("wireBytes"), json.Integer("other"), json.Number("seconds"));
    }
}
