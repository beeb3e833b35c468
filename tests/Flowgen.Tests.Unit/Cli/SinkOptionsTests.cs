using System.Net;
using Flowgen.Cli;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Cli;

public sealed class SinkOptionsTests
{
    [Fact]
    public void An_interface_alone_counts_and_drops_without_verifying()
    {
        var options = SinkOptions.Parse(["veth-sink"]);

        Assert.Equal(new SinkOptions("veth-sink", false, false, TimeSpan.FromSeconds(1), null, false), options);
    }

    [Fact]
    public void Verify_follows_the_probe_sequences_and_combines_with_pass()
    {
        var options = SinkOptions.Parse(["--verify", "--pass", "veth-sink", "--json"]);

        Assert.Equal((true, true, true), (options.Verify, options.Pass, options.Json));
    }

    [Fact]
    public void The_help_says_what_verify_cannot_see()
    {
        Assert.Contains("--verify", SinkOptions.Help, StringComparison.Ordinal);
        Assert.Contains("Losses after a sequence's last received packet are invisible", SinkOptions.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_port_serves_metrics_on_every_address_unless_bound()
    {
        var all = SinkOptions.Parse(["--metrics-port", "9105", "veth-sink"]);
        var bound = SinkOptions.Parse(["--metrics-port", "9105", "--metrics-bind", "127.0.0.1", "veth-sink"]);

        Assert.Equal((9105, (IPAddress?)null), (all.MetricsPort, all.MetricsBind));
        Assert.Equal((9105, IPAddress.Loopback), (bound.MetricsPort, bound.MetricsBind));
        Assert.Null(SinkOptions.Parse(["veth-sink"]).MetricsPort);
    }

    [Theory]
    [InlineData("--metrics-bind 127.0.0.1 veth-sink", "--metrics-bind needs --metrics-port")]
    [InlineData("--metrics-port 0 veth-sink", "--metrics-port")]
    [InlineData("--metrics-port 70000 veth-sink", "--metrics-port")]
    [InlineData("--metrics-port 9105 --metrics-bind localhost veth-sink", "--metrics-bind")]
    public void Bad_metrics_options_are_named(string args, string named)
    {
        var error = Assert.Throws<UsageException>(() => SinkOptions.Parse(args.Split(' ')));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
