namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>An interval line of <c>flowgen sink --json</c>: the sink's clock and its running total.</summary>
public sealed record SinkInterval(double Elapsed, long Packets)
{
    /// <summary>Every interval line among <paramref name="stdout"/>, in order.</summary>
    public static IReadOnlyList<SinkInterval> All(IEnumerable<string> stdout) =>
        JsonEvent.All(stdout, "interval").Select(json => new SinkInterval(json.Number("elapsed"), json.Integer("packets"))).ToList();
}
