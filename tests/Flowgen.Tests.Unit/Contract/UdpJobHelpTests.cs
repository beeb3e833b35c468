using System.Text.RegularExpressions;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class UdpJobHelpTests
{
    private static readonly string[] Lines = UdpJob.Help.Split('\n');

    // Descriptions may wrap; compare with runs of whitespace collapsed.
    private static readonly string Flat = Regex.Replace(UdpJob.Help, @"\s+", " ");

    public static TheoryData<string> Options => [.. UdpOptions.All.Select(o => o.Spec.Long)];

    private static OptionSpec Spec(string name) => UdpOptions.All.Single(o => o.Spec.Long == name).Spec;

    [Fact]
    public void Help_starts_with_the_usage_line() =>
        Assert.Equal("usage: flowgen udp [OPTIONS] -a ADDR IFACE", Lines[0]);

    [Theory]
    [MemberData(nameof(Options))]
    public void Help_lists_every_option_with_its_names_metavar_and_description(string name)
    {
        var spec = Spec(name);
        var names = spec.Short is { } letter ? $"-{letter}, --{name}" : $"    --{name}";
        var synopsis = spec.Metavar is { } metavar ? $"  {names} {metavar} " : $"  {names} ";
        var line = Assert.Single(Lines, l => l.StartsWith(synopsis, StringComparison.Ordinal));
        Assert.Contains(spec.Description.Split(' ')[0], line, StringComparison.Ordinal);
        Assert.Contains(spec.Description, Flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dst-port", "9")]
    [InlineData("src-port", "9")]
    [InlineData("pkt-size", "64 for IPv4, 66 for IPv6")]
    [InlineData("threads", "1, or one per --cpus entry")]
    [InlineData("batch-size", "64")]
    [InlineData("interval", "1s")]
    [InlineData("hop-limit", "64")]
    [InlineData("num-packets", "no limit")]
    public void Help_shows_the_defaults_the_parser_applies(string name, string value)
    {
        Assert.Equal(value, Spec(name).Default);
        Assert.Contains($"(default: {value})", Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_marks_the_required_arguments()
    {
        Assert.Contains("destination IPv4 or IPv6 address (required)", Flat, StringComparison.Ordinal);
        Assert.Contains("IFACE egress network interface (required)", Flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_fits_an_80_column_terminal() =>
        Assert.All(Lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
}
