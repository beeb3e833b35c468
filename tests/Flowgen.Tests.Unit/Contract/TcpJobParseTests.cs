using System.Net;
using Flowgen.Contract;
using static Flowgen.Tests.Unit.Contract.CommandLines;

namespace Flowgen.Tests.Unit.Contract;

public class TcpJobParseTests
{
    private const string Minimal = "-i eth0 198.18.0.2";

    /// <summary>Short name (or null), long name, value (null for a flag), what the job holds, what it should be.</summary>
    public static TheoryData<char?, string, string?, Func<TcpJob, object?>, object?> Spellings => new()
    {
        { 'i', "interface", "veth-gen", job => job.Interface, "veth-gen" },
        { 'p', "port", "80", job => job.Port, (ushort)80 },
        { 'n', "segments", "10k", job => job.Segments, 10_000L },
        { null, "bytes", "1G", job => job.Bytes, 1_000_000_000L },
        { null, "duration", "2m", job => job.Duration, TimeSpan.FromMinutes(2) },
        { null, "connect-timeout", "500ms", job => job.ConnectTimeout, TimeSpan.FromMilliseconds(500) },
        { null, "flows", "64", job => job.Flows, 64 },
        { null, "payload-file", "/tmp/data.bin", job => job.PayloadFile, "/tmp/data.bin" },
        { null, "cpus", "1,0", job => string.Join(',', job.Cpus ?? []), "0,1" },
        { null, "batch-size", "16", job => job.BatchSize, 16 },
        { 'I', "interval", "250ms", job => job.Interval, TimeSpan.FromMilliseconds(250) },
        { null, "json", null, job => job.Json, true },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_option_is_read_in_its_short_and_long_spellings(
        char? letter, string name, string? value, Func<TcpJob, object?> property, object? expected) =>
        JobContractAssert.ReadsEverySpelling(letter, name, value, name == "interface" ? "198.18.0.2" : Minimal, Tcp, property, expected);

    [Fact]
    public void Every_option_in_the_table_has_a_spelling_test()
    {
        var tested = Spellings.Select(row => (string)row[1]).Order();
        var table = TcpOptions.All.Select(o => o.Spec).Where(s => s != OptionSpec.Help).Select(s => s.Long).Order();
        Assert.Equal(table, tested);
    }

    [Fact]
    public void Defaults_apply_when_only_the_interface_and_host_are_given()
    {
        var job = Tcp(Minimal);

        Assert.Equal("eth0", job.Interface);
        Assert.Equal(IPAddress.Parse("198.18.0.2"), job.Destination);
        Assert.Equal(5201, job.Port);
        Assert.Null(job.Segments);
        Assert.Null(job.Bytes);
        Assert.Null(job.Duration);
        Assert.Equal(TimeSpan.FromSeconds(3), job.ConnectTimeout);
        Assert.Equal(1, job.Flows);
        Assert.Null(job.PayloadFile);
        Assert.Null(job.Cpus);
        Assert.Equal(64, job.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), job.Interval);
        Assert.False(job.Json);
    }

    [Fact]
    public void Host_may_be_IPv6_and_come_before_the_options() =>
        Assert.Equal(IPAddress.Parse("2001:db8::2"), Tcp("2001:db8::2 -i eth0").Destination);

    public static TheoryData<string, string> BadLines => new()
    {
        { "198.18.0.2", "missing interface: give -i/--interface, e.g. 'flowgen tcp -i eth0 198.18.0.2'" },
        { "-i eth0", "missing host: give HOST, e.g. 'flowgen tcp -i eth0 198.18.0.2'" },
        { "-i eth0 198.18.0.2 198.18.0.3", "unexpected argument '198.18.0.3': HOST is the only positional argument" },
        { "-i eth0 example.com",
            "invalid value 'example.com' for HOST: expected an IPv4 address like 198.18.0.1 or an IPv6 address like 2001:db8::1" },
        { "-i a/b 198.18.0.2", "invalid interface name 'a/b': expected 1 to 15 characters without '/', ':' or spaces" },
        { "-i eth0 -p 0 198.18.0.2", "invalid value '0' for -p/--port: expected a whole number from 1 to 65535" },
        { "-i eth0 -p 65536 198.18.0.2", "invalid value '65536' for -p/--port: expected a whole number from 1 to 65535" },
        { "-i eth0 -n 0 198.18.0.2", "invalid value '0' for -n/--segments: expected a whole number from 1 to" },
        { "-i eth0 --bytes 10X 198.18.0.2", "invalid value '10X' for --bytes: expected a whole number from 1 to" },
        { "-i eth0 --flows 65 198.18.0.2", "invalid value '65' for --flows: expected a whole number from 1 to 64" },
        { "-i eth0 --flows 0 198.18.0.2", "invalid value '0' for --flows: expected a whole number from 1 to 64" },
        { "-i eth0 --connect-timeout 0 198.18.0.2", "invalid value '0' for --connect-timeout: expected a positive duration" },
        { "-i eth0 --payload-file= 198.18.0.2", "--payload-file needs a file name" },
        { "-i eth0 --batch-size 257 198.18.0.2", "invalid value '257' for --batch-size: expected a whole number from 1 to 256" },
        { "-i eth0 --cpus 1,1 198.18.0.2", "invalid value '1,1' for --cpus: CPU 1 is listed twice" },
        { "-i eth0 -n 5 --bytes 1M 198.18.0.2",
            "-n/--segments and --bytes are each a limit: give at most one of -n/--segments, --bytes and --duration" },
        { "-i eth0 --bytes 1M --duration 5s -n 1 198.18.0.2",
            "-n/--segments and --bytes and --duration are each a limit: give at most one of -n/--segments, --bytes and --duration" },
        { "-i eth0 -i eth1 198.18.0.2", "option -i/--interface is given more than once" },
        { "-i eth0 --threads 2 198.18.0.2", "unknown option '--threads'; see 'flowgen tcp --help'" },
        { "-i eth0 -h 198.18.0.2", "-h/--help is not part of a job; run 'flowgen tcp --help' on its own" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Each_bad_command_line_says_what_is_wrong(string line, string expected) =>
        Assert.StartsWith(expected, TcpError(line), StringComparison.Ordinal);

    [Fact]
    public void Help_is_recognised_before_the_job_is_checked()
    {
        Assert.True(TcpJob.RequestsHelp(["--help"]));
        Assert.True(TcpJob.RequestsHelp(["-i", "eth0", "-h"]));
        Assert.False(TcpJob.RequestsHelp(["-i", "eth0", "198.18.0.2"]));
    }
}
