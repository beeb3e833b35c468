using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class TcpJobHelpTests
{
    private static readonly JobHelpText Help = new(TcpJob.Help);

    public static TheoryData<string> Options => [.. TcpOptions.All.Select(o => o.Spec.Long)];

    private static OptionSpec Spec(string name) => TcpOptions.All.Single(o => o.Spec.Long == name).Spec;

    [Fact]
    public void Help_starts_with_the_usage_line() =>
        Assert.Equal("usage: flowgen tcp [OPTIONS] -i IFACE HOST", Help.Lines[0]);

    [Theory]
    [MemberData(nameof(Options))]
    public void Help_lists_every_option_with_its_names_metavar_and_description(string name) =>
        Help.AssertLists(Spec(name));

    [Theory]
    [InlineData("port", "5201")]
    [InlineData("connect-timeout", "3s")]
    [InlineData("flows", "1")]
    [InlineData("batch-size", "64")]
    [InlineData("interval", "1s")]
    [InlineData("segments", "no limit")]
    [InlineData("bytes", "no limit")]
    [InlineData("duration", "no limit")]
    public void Help_shows_the_defaults_the_parser_applies(string name, string value) =>
        Help.AssertShowsDefault(Spec(name), value);

    [Fact]
    public void Help_marks_the_required_arguments()
    {
        Help.AssertContains("interface the connections leave from (required)");
        Help.AssertContains("HOST the receiver's IPv4 or IPv6 address (required; no names)");
    }

    [Fact]
    public void Help_fits_an_80_column_terminal() => Help.AssertFitsWidth(80);
}
