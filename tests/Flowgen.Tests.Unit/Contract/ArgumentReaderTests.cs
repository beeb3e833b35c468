using Flowgen.Contract;
using static Flowgen.Tests.Unit.Contract.CommandLines;

namespace Flowgen.Tests.Unit.Contract;

public class ArgumentReaderTests
{
    private static readonly OptionSpec Count = new("count", 'n', "N", "how many");
    private static readonly OptionSpec Verbose = new("verbose", 'v', null, "say more");
    private static readonly OptionSpec Quiet = new("quiet", 'q', null, "say less");
    private static readonly OptionSpec Json = new("json", null, null, "for machines");

    private static readonly ArgumentReader Reader = new("udp", [Count, Verbose, Quiet, Json]);

    private static IReadOnlyList<ParsedArgument> Read(string line) => Reader.Read(Split(line));

    private static string Error(string line) => Assert.Throws<UsageException>(() => Read(line)).Message;

    [Theory]
    [InlineData("-n 5")]
    [InlineData("-n5")]
    [InlineData("--count 5")]
    [InlineData("--count=5")]
    public void Option_value_is_read_in_every_GNU_spelling(string line) =>
        Assert.Equal([new ParsedArgument(Count, "5")], Read(line));

    [Fact]
    public void Value_after_equals_sign_may_contain_equals_signs_and_be_empty()
    {
        Assert.Equal([new ParsedArgument(Count, "a=b")], Read("--count=a=b"));
        Assert.Equal([new ParsedArgument(Count, "")], Read("--count="));
    }

    [Fact]
    public void Value_that_looks_like_an_option_is_still_the_value() =>
        Assert.Equal([new ParsedArgument(Count, "-5")], Read("-n -5"));

    [Fact]
    public void Flags_take_no_value_and_short_flags_bundle() =>
        Assert.Equal(
            [new(Verbose, null), new(Quiet, null), new(Count, "3"), new(Json, null)],
            Read("-vqn3 --json"));

    [Fact]
    public void Positionals_keep_their_place_among_options() =>
        Assert.Equal([new(null, "eth0"), new(Verbose, null), new(null, "-")], Read("eth0 -v -"));

    [Fact]
    public void Double_dash_makes_everything_after_it_positional() =>
        Assert.Equal([new(Verbose, null), new(null, "-n"), new(null, "--"), new(null, "x")], Read("-v -- -n -- x"));

    [Theory]
    [InlineData("--foo", "unknown option '--foo'; see 'flowgen udp --help'")]
    [InlineData("--foo=1", "unknown option '--foo'; see 'flowgen udp --help'")]
    [InlineData("-x", "unknown option '-x'; see 'flowgen udp --help'")]
    [InlineData("-vx", "unknown option '-x'; see 'flowgen udp --help'")]
    [InlineData("--coun 5", "unknown option '--coun'; see 'flowgen udp --help'")]
    public void Unknown_option_is_rejected_with_a_pointer_to_help(string line, string message) =>
        Assert.Equal(message, Error(line));

    [Theory]
    [InlineData("-n", "option -n needs a value (N)")]
    [InlineData("--count", "option --count needs a value (N)")]
    public void Missing_value_is_rejected_naming_the_option_and_its_metavar(string line, string message) =>
        Assert.Equal(message, Error(line));

    [Fact]
    public void Flag_given_a_value_is_rejected() =>
        Assert.Equal("option --json takes no value", Error("--json=yes"));

    [Theory]
    [InlineData("-n 1 --count 2")]
    [InlineData("--json --json")]
    [InlineData("-vv")]
    public void Option_given_twice_is_rejected(string line) =>
        Assert.Contains("is given more than once", Error(line), StringComparison.Ordinal);
}
