using System.Net;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class TcpJobRoundTripTests
{
    private static readonly TcpJob Base = new() { Interface = "eth0", Destination = IPAddress.Parse("198.18.0.2") };

    /// <summary>For every property of the job, a change to a valid value other than its default.</summary>
    private static readonly Dictionary<string, Func<TcpJob, TcpJob>> Changes = new()
    {
        [nameof(TcpJob.Interface)] = job => job with { Interface = "veth-gen" },
        [nameof(TcpJob.Destination)] = job => job with { Destination = IPAddress.Parse("2001:db8::2") },
        [nameof(TcpJob.Port)] = job => job with { Port = 443 },
        [nameof(TcpJob.Segments)] = job => job with { Segments = 1_000_000 },
        [nameof(TcpJob.Bytes)] = job => job with { Bytes = 10_000_000 },
        [nameof(TcpJob.Duration)] = job => job with { Duration = TimeSpan.FromSeconds(30) },
        [nameof(TcpJob.ConnectTimeout)] = job => job with { ConnectTimeout = TimeSpan.FromSeconds(10) },
        [nameof(TcpJob.Flows)] = job => job with { Flows = 8 },
        [nameof(TcpJob.PayloadFile)] = job => job with { PayloadFile = "/srv/payload.bin" },
        [nameof(TcpJob.Cpus)] = job => job with { Cpus = [0, 1] },
        [nameof(TcpJob.BatchSize)] = job => job with { BatchSize = 32 },
        [nameof(TcpJob.Interval)] = job => job with { Interval = TimeSpan.FromMilliseconds(100) },
        [nameof(TcpJob.Json)] = job => job with { Json = true },
    };

    public static TheoryData<TcpJob> Jobs => new()
    {
        Base,
        new()
        {
            Interface = "ens1f0",
            Destination = IPAddress.Parse("2001:db8:1::2"),
            Port = 65535,
            Bytes = long.MaxValue,
            ConnectTimeout = TimeSpan.FromTicks(1),
            Flows = 64,
            PayloadFile = "with space.bin",
            Cpus = [0, 1, 2, 3, 6],
            BatchSize = 256,
            Interval = TimeSpan.FromHours(1),
            Json = true,
        },
        Base with { Port = 1, Segments = 1, BatchSize = 1 },
        Base with { Duration = TimeSpan.FromMilliseconds(1500), Interface = "-odd", PayloadFile = "-starts-with-dash" },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Job_survives_rendering_and_parsing(TcpJob job)
    {
        job.Validate();
        Assert.Equal(job, TcpJob.Parse(job.ToArguments()));
    }

    [Fact]
    public void Every_property_is_carried_by_the_arguments_and_counts_for_equality() =>
        JobContractAssert.EveryPropertyCounts(Base, Changes, job => job.ToArguments(), TcpJob.Parse);

    [Fact]
    public void Minimal_job_renders_only_the_interface_and_the_host() =>
        Assert.Equal(["--interface", "eth0", "198.18.0.2"], Base.ToArguments());

    [Fact]
    public void Rendering_uses_long_options_with_canonical_values_and_puts_the_host_last()
    {
        var job = CommandLines.Tcp("--json 2001:DB8::2 --bytes 10M -p 80 --cpus 1,0 --connect-timeout 1500ms -i eth0");
        Assert.Equal(
            ["--interface", "eth0", "--port", "80", "--bytes", "10000000", "--connect-timeout", "1500ms",
             "--cpus", "0-1", "--json", "2001:db8::2"],
            job.ToArguments());
    }

    [Fact]
    public void Jobs_with_equal_CPU_lists_in_different_instances_are_equal()
    {
        var first = Base with { Cpus = new List<int> { 1, 2 } };
        var second = Base with { Cpus = new[] { 1, 2 } };
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Job_prints_as_its_command_line() =>
        Assert.Equal("tcp --interface eth0 --segments 5 198.18.0.2", (Base with { Segments = 5 }).ToString());

    public static TheoryData<TcpJob, string> InvalidJobs => new()
    {
        { Base with { Port = 0 }, "--port" },
        { Base with { Segments = 0 }, "--segments" },
        { Base with { Bytes = -1 }, "--bytes" },
        { Base with { Duration = TimeSpan.Zero }, "--duration" },
        { Base with { ConnectTimeout = TimeSpan.Zero }, "--connect-timeout" },
        { Base with { Flows = 0 }, "--flows" },
        { Base with { Flows = 65 }, "--flows" },
        { Base with { PayloadFile = "" }, "--payload-file" },
        { Base with { BatchSize = 257 }, "--batch-size" },
        { Base with { Interval = TimeSpan.FromSeconds(-1) }, "--interval" },
        { Base with { Interface = "" }, "invalid interface name" },
        { Base with { Destination = IPAddress.Parse("2001:db8::1%2") }, "HOST" },
        { Base with { Segments = 1, Duration = TimeSpan.FromSeconds(1) }, "at most one of" },
        { Base with { Cpus = [3, 1] }, "ascending" },
        { Base with { Cpus = [.. Enumerable.Range(0, 257)] }, "at most 256 threads" },
    };

    [Theory]
    [MemberData(nameof(InvalidJobs))]
    public void Job_built_in_code_that_the_command_line_would_refuse_fails_validation(TcpJob job, string expected) =>
        Assert.Contains(expected, Assert.Throws<UsageException>(job.Validate).Message, StringComparison.Ordinal);
}
