namespace Flowgen.Tests.Unit.Contract;

/// <summary>The promises every job type's command line keeps, checked the same way for each.</summary>
internal static class JobContractAssert
{
    /// <summary>
    /// The option is read the same in each spelling: <c>--name value</c>, <c>--name=value</c> and,
    /// with a short letter, <c>-x value</c> and <c>-xvalue</c>.
    /// </summary>
    public static void ReadsEverySpelling<TJob>(
        char? letter, string name, string? value, string rest, Func<string, TJob> parse, Func<TJob, object?> property, object? expected)
    {
        var spellings = new List<string> { $"--{name} {value}", value is null ? $"--{name}" : $"--{name}={value}" };
        if (letter is { } l)
        {
            spellings.Add($"-{l} {value}");
            spellings.Add($"-{l}{value}");
        }

        foreach (var spelling in spellings)
        {
            Assert.Equal(expected, property(parse($"{spelling} {rest}")));
        }
    }

    /// <summary>
    /// <paramref name="changes"/> covers every settable property, and each change makes a different
    /// job with different arguments that parse back to it.
    /// </summary>
    public static void EveryPropertyCounts<TJob>(
        TJob baseJob, IReadOnlyDictionary<string, Func<TJob, TJob>> changes,
        Func<TJob, IReadOnlyList<string>> render, Func<IReadOnlyList<string>, TJob> parse)
        where TJob : IEquatable<TJob>
    {
        var properties = typeof(TJob).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.CanWrite).Select(p => p.Name).Order();
        Assert.Equal(properties, changes.Keys.Order());

        foreach (var (property, change) in changes)
        {
            var changed = change(baseJob);
            Assert.False(changed.Equals(baseJob), $"{property}: the change must make the jobs unequal");
            Assert.NotEqual(render(baseJob), render(changed));
            Assert.Equal(changed, parse(render(changed)));
        }
    }
}
