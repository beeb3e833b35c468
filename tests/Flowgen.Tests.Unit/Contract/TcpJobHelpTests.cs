using System.Text.RegularExpressions;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class TcpJobHelpTests
{
    private static readonly string[] Lines = TcpJob.Help.Split('\n');

    // Descriptions may wrap; compare with runs of whitespace collapsed.
    private static readonly string Flat = Regex.Replace(TcpJob.Help, @"\s+", " ");

    public static TheoryData<string> Options => [.. TcpOptions.All.Select(o => o.Spec.Long)];

    private static OptionSpec Spec(string name) => TcpOptions.All.Single(o => o.Spec.Long == name).Spec;

    [Fact]
    public void Help_starts_with_the_usage_line() =>
        Assert.Equal("usage: flowgen tcp [OPTIONS] -i IFACE HOST", Lines[0]);

    [Theory]
    [MemberData(nameof(Options))]
    public void Help_lists_every_option_with_its_names_metavar_and_description(string name)
    {
        var spec = Spec(name);
        var names = spec.Short is { } letter ? $"-{letter}, --{name}" : $"    --{name}";
        var synopsis = spec.Metavar is { } metavar ? $"  {names} {metavar} " : $"  {names} ";
        Assert.Single(Lines, l => l.StartsWith(synopsis, StringComparison.Ordinal));
        Assert.Contains(spec.Description, Flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port", "5201")]
    [InlineData("connect-timeout", "3s")]
    [InlineData("flows", "1")]
    [InlineData("batch-size", "64")]
    [InlineData("interval", "1s")]
    [InlineData("segments", "no limit")]
    [InlineData("bytes", "no limit")]
    [InlineData("duration", "no limit")]
    public void Help_shows_the_defaults_the_parser_applies(string name, string value)
    {
        Assert.Equal(value, Spec(name).Default);
        Assert.Contains($"(default: {value})", Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_marks_the_required_arguments()
    {
        Assert.Contains("interface the connections leave from (required)", Flat, StringComparison.Ordinal);
        Assert.Contains("HOST the receiver's IPv4 or IPv6 address (required; no names)", Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_fits_an_80_column_terminal() =>
        Assert.All(Lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
}
