using Flowgen.Operator.Hosting;

namespace Flowgen.Tests.Operator;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_help_lists_its_options_and_exits_0()
    {
        var output = new StringWriter();
        Assert.Equal(0, RunCommand.Run(["--help"], output, TextWriter.Null));
        Assert.Contains("--lease-namespace", output.ToString());
    }

    [Fact]
    public void A_bad_option_is_a_usage_error_with_exit_2()
    {
        var errors = new StringWriter();
        Assert.Equal(2, RunCommand.Run(["--port", "70000"], TextWriter.Null, errors));
        Assert.Contains("--port", errors.ToString());
    }

    [Fact]
    public void Options_parse_into_what_the_host_uses()
    {
        var options = RunOptions.Parse(["--server", "http://127.0.0.1:6443", "--port", "0", "--bind", "127.0.0.1", "--identity", "op-1", "--lease-namespace", "ops", "--agent-image", "registry.example/agent:2"]);
        Assert.Equal(new Uri("http://127.0.0.1:6443"), options.Server);
        Assert.Equal("registry.example/agent:2", options.AgentImage);
        Assert.Equal(("op-1", "ops", RunOptions.LeaseName), (options.Election.Identity, options.Election.Namespace, options.Election.LeaseName));
    }
}
