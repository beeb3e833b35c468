using Flowgen.Cli;
using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Cli;

public sealed class WireOptionsTests
{
    [Fact]
    public void Two_interfaces_alone_forward_everything_with_the_defaults()
    {
        var options = WireOptions.Parse(["wire-a", "wire-b"]);

        Assert.Equal(new WireOptions("wire-a", "wire-b", new WireSettings(0, 0, WireLoss.Ip), TimeSpan.FromSeconds(1), null, false), options);
    }

    [Fact]
    public void Drop_applies_to_both_directions_and_a_direction_of_its_own_wins_whatever_the_order()
    {
        var options = WireOptions.Parse(["--drop-b-to-a", "0.5", "--drop", "5", "a", "b"]);

        Assert.Equal((50_000u, 5_000u), (options.Settings.DropPpmAToB, options.Settings.DropPpmBToA));
    }

    [Theory]
    [InlineData("0", 0u)]
    [InlineData("1", 10_000u)]
    [InlineData("1%", 10_000u)]
    [InlineData("12.5", 125_000u)]
    [InlineData("0.0001", 1u)]
    [InlineData("100", 1_000_000u)]
    public void A_percentage_becomes_parts_per_million(string text, uint expected)
    {
        Assert.Equal(expected, WireOptions.PartsPerMillion(text, "--drop"));
    }

    [Theory]
    [InlineData("100.0001")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("0.00001")]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("five")]
    [InlineData("1e2")]
    public void A_percentage_outside_0_to_100_or_finer_than_a_millionth_is_refused_by_name(string text)
    {
        var error = Assert.Throws<UsageException>(() => WireOptions.Parse(["--drop", text, "a", "b"]));

        Assert.Contains($"'{text}' for --drop", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 100", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ip", (int)WireLoss.Ip)]
    [InlineData("udp-tcp", (int)WireLoss.UdpTcp)]
    [InlineData("all", (int)WireLoss.All)]
    public void Lose_names_which_frames_may_be_dropped(string text, int expected)
    {
        Assert.Equal((WireLoss)expected, WireOptions.Parse(["--lose", text, "a", "b"]).Settings.Loss);
    }

    [Fact]
    public void Interval_duration_and_json_are_read_as_for_the_sink()
    {
        var options = WireOptions.Parse(["-I", "100ms", "--duration", "30s", "--json", "a", "b"]);

        Assert.Equal((TimeSpan.FromMilliseconds(100), (TimeSpan?)TimeSpan.FromSeconds(30), true), (options.Interval, options.Duration, options.Json));
    }

    [Theory]
    [InlineData(new string[0], "missing interface")]
    [InlineData(new[] { "a" }, "missing interface")]
    [InlineData(new[] { "a", "b", "c" }, "two interfaces")]
    [InlineData(new[] { "a", "a" }, "two different interfaces")]
    [InlineData(new[] { "--lose", "tcp", "a", "b" }, "ip, udp-tcp or all")]
    [InlineData(new[] { "--drop", "1", "--drop", "2", "a", "b" }, "more than once")]
    public void Bad_command_lines_say_what_to_change(string[] args, string phrase)
    {
        var error = Assert.Throws<UsageException>(() => WireOptions.Parse(args));

        Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_names_both_interfaces_every_option_and_the_veth_requirement()
    {
        Assert.Contains("flowgen wire [options] IFACE_A IFACE_B", WireOptions.Help, StringComparison.Ordinal);
        foreach (var option in new[] { "--drop PCT", "--drop-a-to-b PCT", "--drop-b-to-a PCT", "--lose WHAT", "--duration", "--interval", "--json" })
            Assert.Contains(option, WireOptions.Help, StringComparison.Ordinal);
        Assert.Contains("gro on", WireOptions.Help, StringComparison.Ordinal);
    }
}
