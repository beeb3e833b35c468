using System.Net;
using Flowgen.Contract;
using static Flowgen.Tests.Unit.Contract.CommandLines;

namespace Flowgen.Tests.Unit.Agent;

public class AgentOptionsTests
{
    private static AgentOptions Parse(string line) => AgentOptions.Parse(Split(line));

    private static string Error(string line) => Assert.Throws<UsageException>(() => Parse(line)).Message;

    [Fact]
    public void Required_options_and_the_job_are_read_and_the_rest_defaults()
    {
        AgentOptions options = Parse("--port 9100 --token-file /run/token -- udp -a 198.18.0.2 -n 1000 eth0");

        Assert.Equal(9100, options.Port);
        Assert.Equal("/run/token", options.TokenFile);
        Assert.Null(options.Bind);
        Assert.Null(options.Flow);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Grace);
        Assert.False(options.LogJson);
        Assert.Equal(Udp("-a 198.18.0.2 -n 1000 eth0"), options.Job);
    }

    [Fact]
    public void Every_option_is_read()
    {
        AgentOptions options = Parse(
            "--port 1 --bind 2001:db8::1 --token-file t --flow udp-blast --grace 90s --log-json -- udp -a 2001:db8::2 ens1f0");

        Assert.Equal(1, options.Port);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), options.Bind);
        Assert.Equal("udp-blast", options.Flow);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Grace);
        Assert.True(options.LogJson);
    }

    [Theory]
    [InlineData("--port 9100 --token-file /run/token -- udp -a 198.18.0.2 eth0")]
    [InlineData("--port 65535 --bind 198.18.0.1 --token-file t --flow f --grace 1h --log-json -- udp -a 198.18.0.2 -n 5 --duration 30s -t 2 -s 1518 eth0")]
    [InlineData("--port 80 --bind :: --token-file /a/b --grace 1500ms -- udp -a 2001:db8::2 -d 100 --cpus 0-3,6 ens1f0")]
    [InlineData("--port 9100 --token-file t --flow tcp-stream -- tcp --bytes 20M -i veth-gen 198.18.0.2")]
    [InlineData("--port 9100 --token-file t -- tcp -p 5001 --flows 4 --duration 30s --connect-timeout 5s -i ens1f0 2001:db8::2")]
    public void Rendered_arguments_parse_back_to_the_same_options(string line)
    {
        AgentOptions options = Parse(line);

        IReadOnlyList<string> rendered = options.ToArguments();

        Assert.Equal(AgentOptions.Command, rendered[0]);
        Assert.Equal(options, AgentOptions.Parse(rendered.Skip(1).ToArray()));
        Assert.Equal(rendered, AgentOptions.Parse(rendered.Skip(1).ToArray()).ToArguments());
    }

    [Fact]
    public void Rendered_arguments_end_with_the_job_as_its_canonical_command_line()
    {
        AgentOptions options = Parse("--port 9100 --token-file t -- udp -a 198.18.0.2 -n 1k eth0");

        IReadOnlyList<string> rendered = options.ToArguments();
        int separator = rendered.ToList().IndexOf("--");

        Assert.Equal(options.Job.ToString(), string.Join(' ', rendered.Skip(separator + 1)));
    }

    [Theory]
    [InlineData("--port 9100 --token-file t", "missing job")]
    [InlineData("--port 9100 --token-file t --", "missing job")]
    [InlineData("--port 9100 --token-file t -- icmp -a 198.18.0.2 eth0", "unknown job 'icmp': the agent runs 'udp' and 'tcp' jobs")]
    [InlineData("--port 9100 --token-file t -- tcp 198.18.0.2", "missing interface")]
    [InlineData("--token-file t -- udp -a 198.18.0.2 eth0", "missing --port")]
    [InlineData("--port 9100 -- udp -a 198.18.0.2 eth0", "missing --token-file")]
    [InlineData("--port 0 --token-file t -- udp -a 198.18.0.2 eth0", "--port")]
    [InlineData("--port 65536 --token-file t -- udp -a 198.18.0.2 eth0", "--port")]
    [InlineData("--port 9100 --bind nowhere --token-file t -- udp -a 198.18.0.2 eth0", "--bind")]
    [InlineData("--port 9100 --token-file t --grace soon -- udp -a 198.18.0.2 eth0", "--grace")]
    [InlineData("--port 9100 --token-file t --colour -- udp -a 198.18.0.2 eth0", "unknown option '--colour'")]
    [InlineData("--port 9100 --token-file t extra -- udp -a 198.18.0.2 eth0", "unexpected argument 'extra'")]
    [InlineData("--port 9100 --token-file t -- udp eth0", "-a")]
    public void Bad_command_line_is_a_usage_error_that_names_the_problem(string line, string expected) =>
        Assert.Contains(expected, Error(line), StringComparison.Ordinal);

    [Fact]
    public void A_tcp_job_is_read_as_flowgen_tcp_reads_it()
    {
        AgentOptions options = Parse("--port 9100 --token-file t -- tcp --bytes 20M -i veth-gen 198.18.0.2");

        TcpJob job = Assert.IsType<TcpJob>(options.Job);
        Assert.Equal(TcpJob.Parse(Split("--bytes 20M -i veth-gen 198.18.0.2")), job);
        Assert.Equal("tcp", options.Job.Mode);
        Assert.Equal("veth-gen", options.Job.Interface);
    }

    [Fact]
    public void A_udp_job_is_still_a_udp_job_and_can_be_given_as_one()
    {
        var udp = new UdpJob { Interface = "eth0", Destination = IPAddress.Parse("198.18.0.2") };
        var options = new AgentOptions { Port = 9100, TokenFile = "t", Job = udp };

        Assert.Equal("udp", options.Job.Mode);
        Assert.Equal(udp, AgentOptions.Parse(options.ToArguments().Skip(1).ToArray()).Job);
    }

    [Fact]
    public void Help_names_both_jobs()
    {
        Assert.Contains("-- udp", AgentOptions.Help, StringComparison.Ordinal);
        Assert.Contains("-- tcp", AgentOptions.Help, StringComparison.Ordinal);
        Assert.Contains("'flowgen tcp'", AgentOptions.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help", true)]
    [InlineData("--port 9100 -h", true)]
    [InlineData("--port 9100 --token-file t -- udp --help", false)]
    public void Help_is_asked_for_only_before_the_job(string line, bool asked) =>
        Assert.Equal(asked, AgentOptions.RequestsHelp(Split(line)));
}
