namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// One sample: of a scraped text exposition (no timestamp), or of a query result (with the
/// evaluation time). <see cref="Labels"/> never holds <c>__name__</c>; an expression that drops
/// the name (rate, sum, …) gives an empty <see cref="Name"/>.
/// </summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, DateTimeOffset? At = null)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        $"{Name}{{{string.Join(',', Labels.Select(pair => $"{pair.Key}=\"{pair.Value}\""))}}} {Value}" + (At is { } at ? $" @{at:O}" : "");
}
