using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class UdpJobRoundTripTests
{
    private static readonly UdpJob Base = new() { Interface = "eth0", Destination = IPAddress.Parse("198.18.0.2") };

    /// <summary>For every property of the job, a change to a valid value other than its default.</summary>
    private static readonly Dictionary<string, Func<UdpJob, UdpJob>> Changes = new()
    {
        [nameof(UdpJob.Interface)] = job => job with { Interface = "veth-gen" },
        [nameof(UdpJob.DestinationMac)] = job => job with { DestinationMac = PhysicalAddress.Parse("02-00-00-00-00-02") },
        [nameof(UdpJob.SourceMac)] = job => job with { SourceMac = PhysicalAddress.Parse("02-00-00-00-00-01") },
        [nameof(UdpJob.Destination)] = job => job with { Destination = IPAddress.Parse("198.19.1.1") },
        [nameof(UdpJob.Source)] = job => job with { Source = IPAddress.Parse("198.18.0.1") },
        [nameof(UdpJob.DestinationPort)] = job => job with { DestinationPort = 10000 },
        [nameof(UdpJob.SourcePort)] = job => job with { SourcePort = 0 },
        [nameof(UdpJob.DynamicPorts)] = job => job with { DynamicPorts = 1000 },
        [nameof(UdpJob.Packets)] = job => job with { Packets = 1_000_000_000 },
        [nameof(UdpJob.Rate)] = job => job with { Rate = new SendRate(2_500_000, RateUnit.PacketsPerSecond) },
        [nameof(UdpJob.Duration)] = job => job with { Duration = TimeSpan.FromMinutes(5) },
        [nameof(UdpJob.FrameSize)] = job => job with { FrameSize = 1518 },
        [nameof(UdpJob.Threads)] = job => job with { Threads = 8 },
        [nameof(UdpJob.Cpus)] = job => job with { Cpus = [7], Threads = 1 },
        [nameof(UdpJob.BatchSize)] = job => job with { BatchSize = 16 },
        [nameof(UdpJob.Interval)] = job => job with { Interval = TimeSpan.FromMilliseconds(250) },
        [nameof(UdpJob.HopLimit)] = job => job with { HopLimit = 1 },
        [nameof(UdpJob.Payload)] = job => job with { Payload = new byte[] { 0xc0, 0xff, 0xee } },
        [nameof(UdpJob.Stamp)] = job => job with { Stamp = true, FrameSize = 128 },
        [nameof(UdpJob.Latency)] = job => job with { Latency = true, Stamp = true, FrameSize = 128 },
        [nameof(UdpJob.LatencyLog)] = job => job with { LatencyLog = "/tmp/rtt.csv", Latency = true, Stamp = true, FrameSize = 128 },
        [nameof(UdpJob.SizeMix)] = job => job with { SizeMix = FrameSizeMix.Imix },
        [nameof(UdpJob.DestinationCount)] = job => job with { DestinationCount = 100 },
        [nameof(UdpJob.SourceCount)] = job => job with { Source = IPAddress.Parse("198.18.0.1"), SourceCount = 256 },
        [nameof(UdpJob.SourcePortCount)] = job => job with { SourcePort = 1000, SourcePortCount = 1000 },
        [nameof(UdpJob.RandomFlows)] = job => job with { RandomFlows = true },
        [nameof(UdpJob.Vlan)] = job => job with { Vlan = new VlanTag(100, 5) },
        [nameof(UdpJob.Json)] = job => job with { Json = true },
    };

    public static TheoryData<UdpJob> Jobs => new()
    {
        Base,
        new() { Interface = "ens1f0", Destination = IPAddress.Parse("2001:db8::1") },
        new()
        {
            Interface = "ens1f0",
            Destination = IPAddress.Parse("2001:db8:1::2"),
            Source = IPAddress.Parse("2001:db8:1::1"),
            DestinationMac = PhysicalAddress.Parse("AA-BB-CC-DD-EE-FF"),
            SourceMac = PhysicalAddress.Parse("02-00-00-00-00-01"),
            DestinationPort = 65500,
            SourcePort = 12345,
            DynamicPorts = 36,
            Packets = 10_000,
            Rate = new SendRate(1_500_000_000, RateUnit.BitsPerSecond),
            Duration = TimeSpan.FromMilliseconds(1500),
            FrameSize = 3412,
            Threads = 5,
            Cpus = [0, 1, 2, 3, 6],
            BatchSize = 1,
            Interval = TimeSpan.FromTicks(1),
            HopLimit = 255,
            Payload = new byte[] { 0xde, 0xad, 0xbe, 0xef },
            Json = true,
        },
        Base with { Threads = 256, BatchSize = 256, Interval = TimeSpan.FromHours(1), Duration = TimeSpan.FromSeconds(0.5) },
        Base with { DestinationPort = 0, DynamicPorts = 65536, Packets = long.MaxValue, FrameSize = 64 },
        Base with { Cpus = [8, 9, 10, 11], Threads = 4, Payload = new byte[] { 0 } },
        Base with { Stamp = true, FrameSize = 86, DynamicPorts = 65536, DestinationPort = 0 },
        Base with { SizeMix = FrameSizeMix.Parse("1518:1,64:7,594:4", "-s"), Vlan = new VlanTag(4094), RandomFlows = true },
        Base with { Destination = IPAddress.Parse("2001:db8::1"), DestinationCount = 255, SourcePortCount = 2, SourcePort = 65534 },
        Base with { Interface = "-odd", Destination = IPAddress.Parse("::ffff:198.18.0.2") },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void Job_survives_rendering_and_parsing(UdpJob job)
    {
        job.Validate();
        Assert.Equal(job, UdpJob.Parse(job.ToArguments()));
    }

    [Fact]
    public void Every_property_is_carried_by_the_arguments_and_counts_for_equality() =>
        JobContractAssert.EveryPropertyCounts(Base, Changes, job => job.ToArguments(), UdpJob.Parse);

    [Fact]
    public void Minimal_job_renders_only_the_destination_and_the_interface() =>
        Assert.Equal(["--dst-addr", "198.18.0.2", "eth0"], Base.ToArguments());

    [Fact]
    public void Rendering_uses_long_options_with_canonical_values_and_puts_the_interface_last()
    {
        var job = CommandLines.Udp("-n 10k --json --cpus 6,0-3 -m AA-BB-CC-DD-EE-FF --duration 120 -t 5 eth0 -a 2001:DB8::2");
        Assert.Equal(
            ["--dst-addr", "2001:db8::2", "--dst-mac", "aa:bb:cc:dd:ee:ff", "--num-packets", "10000",
             "--duration", "2m", "--cpus", "0-3,6", "--json", "eth0"],
            job.ToArguments());
    }

    [Fact]
    public void Interface_named_like_an_option_is_rendered_after_a_double_dash() =>
        Assert.Equal(["--dst-addr", "198.18.0.2", "--", "-odd"], (Base with { Interface = "-odd" }).ToArguments());

    [Fact]
    public void Jobs_with_equal_lists_and_payloads_in_different_instances_are_equal()
    {
        var first = Base with { Cpus = new List<int> { 1, 2 }, Threads = 2, Payload = new byte[] { 1, 2 } };
        var second = Base with { Cpus = new[] { 1, 2 }, Threads = 2, Payload = new byte[] { 0, 1, 2 }.AsMemory(1) };
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Explicit_smallest_frame_size_equals_the_default() =>
        Assert.Equal(Base, Base with { FrameSize = 64 });

    [Fact]
    public void Job_prints_as_its_command_line() =>
        Assert.Equal("udp --dst-addr 198.18.0.2 --num-packets 5 eth0", (Base with { Packets = 5 }).ToString());

    public static TheoryData<UdpJob, string> InvalidJobs => new()
    {
        { Base with { HopLimit = 0 }, "--hop-limit" },
        { Base with { Threads = 0 }, "--threads" },
        { Base with { Threads = 300 }, "--threads" },
        { Base with { BatchSize = 1000 }, "--batch-size" },
        { Base with { Packets = 0 }, "--num-packets" },
        { Base with { Duration = TimeSpan.Zero }, "--duration" },
        { Base with { Interval = TimeSpan.FromSeconds(-1) }, "--interval" },
        { Base with { DynamicPorts = -1 }, "--dyn-ports" },
        { Base with { FrameSize = 9000 }, "--pkt-size" },
        { Base with { FrameSize = 60 }, "--pkt-size" },
        { Base with { Payload = new byte[4000] }, "--payload-hex" },
        { Base with { Interface = "" }, "invalid interface name" },
        { Base with { Interface = "a/b" }, "invalid interface name" },
        { Base with { Source = IPAddress.Parse("2001:db8::1") }, "same family" },
        { Base with { Destination = IPAddress.Parse("2001:db8::1%2") }, "--dst-addr" },
        { Base with { Cpus = [0, 1] }, "--cpus lists 2 CPUs but -t/--threads is 1" },
        { Base with { Cpus = [3, 1], Threads = 2 }, "ascending" },
        { Base with { Cpus = [], Threads = 0 }, "--cpus" },
        { Base with { Stamp = true }, "--stamp" },
        { Base with { Latency = true, FrameSize = 128 }, "--latency measures stamped probes" },
        { Base with { LatencyLog = "x.csv" }, "add --latency" },
        { Base with { Stamp = true, SizeMix = FrameSizeMix.Imix }, "-s/--pkt-size 86:7,594:4,1518:1" },
        { Base with { Stamp = true, FrameSize = 128, DynamicPorts = 65536, DestinationPort = 0, SourcePortCount = 2 }, "at most 65536 flows" },
        { Base with { SizeMix = FrameSizeMix.Of([new(64, 1), new(64, 2)]) }, "twice" },
        { Base with { SizeMix = FrameSizeMix.Of([new(64, 1), new(128, 0)]) }, "weight 0" },
        { Base with { Vlan = new VlanTag(4095) }, "--vlan" },
        { Base with { SourceCount = 2 }, "-A/--src-addr FIRST-LAST" },
        { Base with { Destination = IPAddress.Parse("255.255.255.255"), DestinationCount = 2 }, "runs past the end" },
    };

    [Theory]
    [MemberData(nameof(InvalidJobs))]
    public void Job_built_in_code_that_the_command_line_would_refuse_fails_validation(UdpJob job, string expected) =>
        Assert.Contains(expected, Assert.Throws<UsageException>(job.Validate).Message, StringComparison.Ordinal);
}
