using System.Text.RegularExpressions;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

/// <summary>A command's help text, and what every command's help must show.</summary>
internal sealed class JobHelpText(string help)
{
    public string[] Lines { get; } = help.Split('\n');

    /// <summary>The help with runs of whitespace collapsed: descriptions may wrap.</summary>
    public string Flat { get; } = Regex.Replace(help, @"\s+", " ");

    /// <summary>The option has one line starting with its names and metavar, and its whole description.</summary>
    public void AssertLists(OptionSpec spec)
    {
        var names = spec.Short is { } letter ? $"-{letter}, --{spec.Long}" : $"    --{spec.Long}";
        var synopsis = spec.Metavar is { } metavar ? $"  {names} {metavar} " : $"  {names} ";
        var line = Assert.Single(Lines, l => l.StartsWith(synopsis, StringComparison.Ordinal));
        Assert.Contains(spec.Description.Split(' ')[0], line, StringComparison.Ordinal);
        Assert.Contains(spec.Description, Flat, StringComparison.Ordinal);
    }

    public void AssertShowsDefault(OptionSpec spec, string value)
    {
        Assert.Equal(value, spec.Default);
        Assert.Contains($"(default: {value})", Flat, StringComparison.Ordinal);
    }

    public void AssertContains(string text) => Assert.Contains(text, Flat, StringComparison.Ordinal);

    public void AssertFitsWidth(int columns) =>
        Assert.All(Lines, line => Assert.True(line.Length <= columns, $"{line.Length} columns: {line}"));
}
