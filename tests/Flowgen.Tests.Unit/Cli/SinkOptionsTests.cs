using Flowgen.Cli;

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
}
