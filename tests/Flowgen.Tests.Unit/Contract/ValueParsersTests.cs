using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class ValueParsersTests
{
    private const string Option = "-x/--example";

    /// <summary>Parsing throws a UsageException that names the option and says what it expected.</summary>
    private static void Rejects(Func<object> parse, string expected)
    {
        var message = Assert.Throws<UsageException>(parse).Message;
        Assert.Contains(Option, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("100000", 100_000L)]
    [InlineData("10k", 10_000L)]
    [InlineData("2.5M", 2_500_000L)]
    [InlineData("1G", 1_000_000_000L)]
    [InlineData("0.5k", 500L)]
    [InlineData("1.250k", 1_250L)]
    [InlineData("3T", 3_000_000_000_000L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Count_takes_whole_numbers_with_SI_suffixes(string text, long expected) =>
        Assert.Equal(expected, ValueParsers.Count(text, Option));

    [Theory]
    [InlineData("10x")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("2.5")]
    [InlineData("1.0001k")]
    [InlineData("10K")]
    [InlineData("10m")]
    [InlineData("1e6")]
    [InlineData("k")]
    [InlineData("")]
    [InlineData(" 10")]
    [InlineData("10\n")]
    [InlineData("1,000")]
    [InlineData("9223372036854775808")]
    [InlineData("10000000T")]
    [InlineData("99999999999999999999999999999999999")]
    public void Count_rejects_anything_that_is_not_exactly_a_whole_number(string text) =>
        Rejects(() => ValueParsers.Count(text, Option), "expected a whole number from 0");

    [Fact]
    public void Count_below_its_minimum_is_rejected_naming_the_minimum() =>
        Rejects(() => ValueParsers.Count("0", Option, min: 1), "from 1 to");

    [Theory]
    [InlineData("0", 0, 65535, 0)]
    [InlineData("65535", 0, 65535, 65535)]
    [InlineData("007", 0, 10, 7)]
    public void Integer_takes_digits_within_its_range(string text, int min, int max, int expected) =>
        Assert.Equal(expected, ValueParsers.Integer(text, Option, min, max));

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1k")]
    [InlineData("0x10")]
    [InlineData("1.0")]
    [InlineData("")]
    public void Port_outside_0_to_65535_or_not_a_number_is_rejected(string text) =>
        Rejects(() => ValueParsers.Port(text, Option), "expected a whole number from 0 to 65535");

    [Theory]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("10s", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("30", 30 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("0.25s", TimeSpan.TicksPerSecond / 4)]
    [InlineData("1.5ms", 15 * TimeSpan.TicksPerMillisecond / 10)]
    [InlineData("0.0000001", 1L)]
    public void Duration_takes_a_number_with_a_unit_and_a_bare_number_is_seconds(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), ValueParsers.Duration(text, Option));

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("10x")]
    [InlineData("1d")]
    [InlineData("1us")]
    [InlineData("ms")]
    [InlineData("1.5.2s")]
    [InlineData("1 s")]
    [InlineData("")]
    [InlineData("0.00000001s")]
    [InlineData("99999999999999h")]
    public void Duration_that_is_not_positive_or_not_understood_is_rejected(string text) =>
        Rejects(() => ValueParsers.Duration(text, Option), "expected a positive duration like 500ms");

    [Theory]
    [InlineData("aa:bb:cc:dd:ee:ff")]
    [InlineData("AA:BB:CC:DD:EE:FF")]
    [InlineData("aa-bb-cc-dd-ee-ff")]
    public void Mac_takes_colon_or_dash_separated_hex_pairs(string text) =>
        Assert.Equal(PhysicalAddress.Parse("AA-BB-CC-DD-EE-FF"), ValueParsers.Mac(text, Option));

    [Theory]
    [InlineData("aabbccddeeff")]
    [InlineData("aa:bb-cc:dd:ee:ff")]
    [InlineData("aa:bb:cc:dd:ee")]
    [InlineData("aa:bb:cc:dd:ee:ff:00")]
    [InlineData("aabb.ccdd.eeff")]
    [InlineData("gg:bb:cc:dd:ee:ff")]
    [InlineData("a:bb:cc:dd:ee:ff")]
    [InlineData("")]
    public void Mac_in_any_other_form_is_rejected(string text) =>
        Rejects(() => ValueParsers.Mac(text, Option), "expected a MAC address like aa:bb:cc:dd:ee:ff");

    [Theory]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:DB8:0:0:0:0:0:2")]
    [InlineData("::ffff:198.18.0.1")]
    public void Address_takes_IPv4_and_IPv6_literals(string text) =>
        Assert.Equal(IPAddress.Parse(text), ValueParsers.Address(text, Option));

    [Theory]
    [InlineData("1")]
    [InlineData("198.18")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("198.018.0.1")]
    [InlineData("198.18.0.256")]
    [InlineData("4294967295")]
    [InlineData("198.18.0.1:80")]
    [InlineData("[2001:db8::1]")]
    [InlineData("[2001:db8::1]:80")]
    [InlineData("2001:db8::1%1")]
    [InlineData("2001:db8::1%lo")]
    [InlineData("2001:db8::/32")]
    [InlineData("2001:db8:::1")]
    [InlineData("host.example")]
    [InlineData(" 198.18.0.1")]
    [InlineData("")]
    public void Address_in_any_other_form_is_rejected(string text) =>
        Rejects(() => ValueParsers.Address(text, Option), "expected an IPv4 address");

    [Theory]
    [InlineData("0-3,6", new[] { 0, 1, 2, 3, 6 })]
    [InlineData("6,0-3", new[] { 0, 1, 2, 3, 6 })]
    [InlineData("5", new[] { 5 })]
    [InlineData("7-7", new[] { 7 })]
    [InlineData("10,2,4-5", new[] { 2, 4, 5, 10 })]
    public void Cpu_list_takes_numbers_and_ranges_and_sorts_them(string text, int[] expected) =>
        Assert.Equal(expected, ValueParsers.CpuList(text, Option));

    [Theory]
    [InlineData("1,1", 1)]
    [InlineData("0-3,2", 2)]
    [InlineData("4-6,0-5", 4)]
    public void Cpu_named_twice_is_rejected_naming_the_cpu(string text, int cpu) =>
        Rejects(() => ValueParsers.CpuList(text, Option), $"CPU {cpu} is listed twice");

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("1,,2")]
    [InlineData("1,")]
    [InlineData("-1")]
    [InlineData("0-")]
    [InlineData("a")]
    [InlineData("0 - 3")]
    [InlineData("8192")]
    [InlineData("0-99999999")]
    public void Cpu_list_that_is_not_numbers_and_upward_ranges_is_rejected(string text) =>
        Rejects(() => ValueParsers.CpuList(text, Option), "expected CPU numbers and ranges like 0-3,6");

    [Theory]
    [InlineData("deadbeef", new byte[] { 0xde, 0xad, 0xbe, 0xef })]
    [InlineData("00FF", new byte[] { 0x00, 0xff })]
    public void Hex_takes_pairs_of_hex_digits(string text, byte[] expected) =>
        Assert.Equal(expected, ValueParsers.Hex(text, Option, maxBytes: 4));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0xdead")]
    [InlineData("de ad")]
    [InlineData("zz")]
    [InlineData("0102030405")]
    public void Hex_that_is_not_whole_bytes_or_too_long_is_rejected(string text) =>
        Rejects(() => ValueParsers.Hex(text, Option, maxBytes: 4), "1 to 4 bytes as hex pairs");

    [Theory]
    [InlineData("eth0")]
    [InlineData("veth-gen.100")]
    [InlineData("abcdefghijklmno")]
    public void Interface_name_that_Linux_accepts_is_taken(string name) =>
        Assert.Equal(name, ValueParsers.InterfaceName(name));

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnop")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("eth/0")]
    [InlineData("eth0:1")]
    [InlineData("eth 0")]
    public void Interface_name_that_Linux_refuses_is_rejected(string name) =>
        Assert.StartsWith(
            $"invalid interface name '{name}'",
            Assert.Throws<UsageException>(() => ValueParsers.InterfaceName(name)).Message,
            StringComparison.Ordinal);
}
