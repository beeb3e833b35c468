using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class UdpJobHelpTests
{
    private static readonly JobHelpText Help = new(UdpJob.Help);

    public static TheoryData<string> Options => [.. UdpOptions.All.Select(o => o.Spec.Long)];

    private static OptionSpec Spec(string name) => UdpOptions.All.Single(o => o.Spec.Long == name).Spec;

    [Fact]
    public void Help_starts_with_the_usage_line() =>
        Assert.Equal("usage: flowgen udp [OPTIONS] -a ADDR IFACE", Help.Lines[0]);

    [Theory]
    [MemberData(nameof(Options))]
    public void Help_lists_every_option_with_its_names_metavar_and_description(string name) =>
        Help.AssertLists(Spec(name));

    [Theory]
    [InlineData("dst-port", "9")]
    [InlineData("src-port", "9")]
    [InlineData("pkt-size", "64 for IPv4, 66 for IPv6")]
    [InlineData("threads", "1, or one per --cpus entry")]
    [InlineData("batch-size", "64")]
    [InlineData("interval", "1s")]
    [InlineData("hop-limit", "64")]
    [InlineData("num-packets", "no limit")]
    public void Help_shows_the_defaults_the_parser_applies(string name, string value) =>
        Help.AssertShowsDefault(Spec(name), value);

    [Fact]
    public void Help_marks_the_required_arguments()
    {
        Help.AssertContains("destination IPv4 or IPv6 address (required)");
        Help.AssertContains("IFACE egress network interface (required)");
    }

    [Fact]
    public void Help_fits_an_80_column_terminal() => Help.AssertFitsWidth(80);
}
