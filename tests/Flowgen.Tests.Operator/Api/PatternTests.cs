using System.Text.RegularExpressions;
using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Api;

/// <summary>The schema's patterns take what the agent's parsers take, and refuse the junk they refuse.</summary>
public class PatternTests
{
    [Theory]
    [InlineData("198.18.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("198.18.0.300", false)]
    [InlineData("198.18.0", false)]
    [InlineData("198.18.0.1.5", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("198.18.0.1 ", false)]
    [InlineData("", false)]
    public void Ipv4_pattern(string text, bool valid)
    {
        Assert.Equal(valid, Matches(Patterns.Ipv4, text));
        if (valid)
        {
            Assert.Equal(text, ValueParsers.Address(text, "a").ToString());
        }
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::")]
    [InlineData("fe80::1:2:3:4")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1::8")]
    [InlineData("1:2:3:4:5:6::8")]
    [InlineData("::ffff:198.18.0.1")]
    [InlineData("64:ff9b::198.18.0.1")]
    [InlineData("2001:DB8::A")]
    public void Ipv6_pattern_takes_every_text_form(string text)
    {
        Assert.True(Matches(Patterns.Ipv6, text), text);
        _ = ValueParsers.Address(text, "a");
    }

    [Theory]
    [InlineData("2001:db8:::1")]
    [InlineData("2001:db8::1::2")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("12345::1")]
    [InlineData("2001:db8::g")]
    [InlineData("[2001:db8::1]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::ffff:198.18.0.300")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData("198.18.0.1")]
    public void Ipv6_pattern_refuses_junk(string text) => Assert.False(Matches(Patterns.Ipv6, text), text);

    [Theory]
    [InlineData("aa:bb:cc:dd:ee:ff", true)]
    [InlineData("AA-BB-CC-DD-EE-FF", true)]
    [InlineData("aa:bb:cc:dd:ee", false)]
    [InlineData("aa:bb:cc:dd:ee:fg", false)]
    [InlineData("aabbccddeeff", false)]
    public void Mac_pattern(string text, bool valid) => Assert.Equal(valid, Matches(Patterns.Mac, text));

    [Theory]
    [InlineData("60s", true)]
    [InlineData("500ms", true)]
    [InlineData("1.5m", true)]
    [InlineData("0.5s", true)]
    [InlineData("2h", true)]
    [InlineData("0s", false)]
    [InlineData("0.0s", false)]
    [InlineData("60", false)]
    [InlineData("1d", false)]
    [InlineData("-1s", false)]
    [InlineData("1m30s", false)]
    public void Duration_pattern(string text, bool valid)
    {
        Assert.Equal(valid, Matches(Patterns.Duration, text));
        if (valid)
        {
            Assert.True(ValueParsers.Duration(text, "d") > TimeSpan.Zero);
        }
    }

    [Theory]
    [InlineData("eth0", true)]
    [InlineData("ens1f0np0", true)]
    [InlineData("veth.fg-1", true)]
    [InlineData(".hidden", true)]
    [InlineData("...", true)]
    [InlineData("exactly15chars_", true)]
    [InlineData("sixteen_chars_xx", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("eth0:1", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Interface_pattern_agrees_with_the_agent(string text, bool valid)
    {
        Assert.Equal(valid, Matches(Patterns.InterfaceName, text));
        Assert.Equal(valid, Accepted(() => ValueParsers.InterfaceName(text)));
    }

    [Theory]
    [InlineData("198.18.0.1-198.18.0.100", true)]
    [InlineData("198.18.1.0/24", true)]
    [InlineData("198.18.1.7/32", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("2001:db8::1-2001:db8::ff", true)]
    [InlineData("2001:db8::/96", true)]
    [InlineData("2001:db8::1/128", true)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.18.0.1-", false)]
    [InlineData("198.18.0.1-2001:db8::1", false)]
    [InlineData("198.18.0.0/33", false)]
    [InlineData("2001:db8::/64", false)]
    [InlineData("2001:db8::/129", false)]
    [InlineData("198.18.0.1--198.18.0.2", false)]
    public void Range_patterns_take_the_ranges_the_agent_takes(string text, bool valid)
    {
        bool matches = Matches(Patterns.Ipv4Range, text) || Matches(Patterns.Ipv6Range, text);

        Assert.Equal(valid, matches);
        if (valid)
        {
            Assert.True(AddressRange.Parse(text, "a").Count > 1 || text.EndsWith("/32", StringComparison.Ordinal)
                || text.EndsWith("/128", StringComparison.Ordinal), text);
        }
        else if (text.Contains('/', StringComparison.Ordinal) || text.Contains('-', StringComparison.Ordinal))
        {
            Assert.False(Accepted(() => AddressRange.Parse(text, "a")), text);
        }
    }

    private static bool Matches(string pattern, string text) => Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    private static bool Accepted(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }
}
