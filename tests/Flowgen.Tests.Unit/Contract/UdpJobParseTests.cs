using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;
using static Flowgen.Tests.Unit.Contract.CommandLines;

namespace Flowgen.Tests.Unit.Contract;

public class UdpJobParseTests
{
    private const string Minimal = "eth0 -a 198.18.0.2";

    /// <summary>Short name (or null), long name, value (null for a flag), what the job holds, what it should be.</summary>
    public static TheoryData<char?, string, string?, Func<UdpJob, object?>, object?> Spellings => new()
    {
        { 'a', "dst-addr", "2001:db8::9", job => job.Destination, IPAddress.Parse("2001:db8::9") },
        { 'A', "src-addr", "198.18.0.1", job => job.Source, IPAddress.Parse("198.18.0.1") },
        { 'm', "dst-mac", "02:00:00:00:00:02", job => job.DestinationMac, PhysicalAddress.Parse("02-00-00-00-00-02") },
        { 'M', "src-mac", "02-00-00-00-00-01", job => job.SourceMac, PhysicalAddress.Parse("02-00-00-00-00-01") },
        { 'p', "dst-port", "10000", job => job.DestinationPort, (ushort)10000 },
        { 'P', "src-port", "0", job => job.SourcePort, (ushort)0 },
        { 'd', "dyn-ports", "100", job => job.DynamicPorts, 100 },
        { 'n', "num-packets", "2.5M", job => job.Packets, 2_500_000L },
        { 'r', "rate", "2.5M", job => job.Rate, new SendRate(2_500_000, RateUnit.PacketsPerSecond) },
        { null, "duration", "90s", job => job.Duration, TimeSpan.FromSeconds(90) },
        { 's', "pkt-size", "1518", job => job.FrameSize, 1518 },
        { 'l', "hop-limit", "1", job => job.HopLimit, (byte)1 },
        { null, "payload-hex", "C0FFEE", job => Convert.ToHexString(job.Payload.Span), "C0FFEE" },
        { 't', "threads", "4", job => job.Threads, 4 },
        { null, "cpus", "2-3,0", job => string.Join(',', job.Cpus ?? []), "0,2,3" },
        { null, "batch-size", "256", job => job.BatchSize, 256 },
        { 'I', "interval", "500ms", job => job.Interval, TimeSpan.FromMilliseconds(500) },
        { null, "json", null, job => job.Json, true },
        { null, "stamp", null, job => job.Stamp, true },
        { null, "latency", null, job => (job.Latency, job.Stamp), (true, true) },
        { null, "latency-log", "rtt.csv", job => job.LatencyLog, "rtt.csv" },
        { null, "flow-order", "random", job => job.RandomFlows, true },
        { null, "vlan", "100:5", job => job.Vlan, new VlanTag(100, 5) },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_option_is_read_in_its_short_and_long_spellings(
        char? letter, string name, string? value, Func<UdpJob, object?> property, object? expected) =>
        JobContractAssert.ReadsEverySpelling(letter, name, value, RestFor(name), Udp, property, expected);

    /// <summary>What the other options must be for this one to be valid (a probe needs a larger frame).</summary>
    private static string RestFor(string name) => name switch
    {
        "dst-addr" => "eth0",
        "stamp" or "latency" => $"{Minimal} -s 128",
        "latency-log" => $"{Minimal} -s 128 --latency",
        _ => Minimal,
    };

    [Fact]
    public void Every_option_in_the_table_has_a_spelling_test()
    {
        var tested = Spellings.Select(row => (string)row[1]).Order();
        var table = UdpOptions.All.Select(o => o.Spec).Where(s => s != OptionSpec.Help).Select(s => s.Long).Order();
        Assert.Equal(table, tested);
    }

    [Fact]
    public void Defaults_apply_when_only_the_interface_and_destination_are_given()
    {
        var job = Udp(Minimal);

        Assert.Equal("eth0", job.Interface);
        Assert.Equal(IPAddress.Parse("198.18.0.2"), job.Destination);
        Assert.Null(job.DestinationMac);
        Assert.Null(job.SourceMac);
        Assert.Null(job.Source);
        Assert.Equal(9, job.DestinationPort);
        Assert.Equal(9, job.SourcePort);
        Assert.Equal(0, job.DynamicPorts);
        Assert.Null(job.Packets);
        Assert.Null(job.Duration);
        Assert.Equal(64, job.FrameSize);
        Assert.Equal(1, job.Threads);
        Assert.Null(job.Cpus);
        Assert.Equal(64, job.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), job.Interval);
        Assert.Equal(64, job.HopLimit);
        Assert.True(job.Payload.IsEmpty);
        Assert.False(job.Json);
    }

    [Fact]
    public void Interface_may_come_before_after_or_between_options() =>
        Assert.Equal(Udp("eth0 -a 198.18.0.2 -n 5"), Udp("-a 198.18.0.2 eth0 -n 5"));

    [Fact]
    public void Default_frame_size_is_the_smallest_for_the_family()
    {
        Assert.Equal(64, Udp("eth0 -a 198.18.0.2").FrameSize);
        Assert.Equal(66, Udp("eth0 -a 2001:db8::2").FrameSize);
    }

    [Fact]
    public void Num_packets_10k_is_ten_thousand() => Assert.Equal(10_000L, Udp($"{Minimal} -n 10k").Packets);

    [Fact]
    public void Missing_destination_is_rejected_naming_the_option() =>
        Assert.Equal("missing destination address: give -a/--dst-addr", UdpError("eth0 -n 5"));

    [Fact]
    public void Missing_interface_is_rejected() =>
        Assert.StartsWith("missing interface", UdpError("-a 198.18.0.2"), StringComparison.Ordinal);

    [Fact]
    public void Second_positional_is_rejected() =>
        Assert.Contains("unexpected argument 'eth1'", UdpError($"{Minimal} eth1"), StringComparison.Ordinal);

    [Fact]
    public void Interface_name_Linux_refuses_is_rejected() =>
        Assert.StartsWith("invalid interface name 'eth0:1'", UdpError("eth0:1 -a 198.18.0.2"), StringComparison.Ordinal);

    [Theory]
    [InlineData("-a 198.18.0.2 -A 2001:db8::1", "2001:db8::1", "198.18.0.2")]
    [InlineData("-a 2001:db8::2 -A 198.18.0.1", "198.18.0.1", "2001:db8::2")]
    public void Source_and_destination_of_different_families_are_rejected_naming_both(
        string options, string source, string destination)
    {
        var message = UdpError($"eth0 {options}");
        Assert.Contains(source, message, StringComparison.Ordinal);
        Assert.Contains(destination, message, StringComparison.Ordinal);
        Assert.Contains("same family", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2001:db8::2", 64, "at least 66")]
    [InlineData("2001:db8::2", 65, "at least 66")]
    [InlineData("198.18.0.2", 63, "from 64 to 3412")]
    [InlineData("198.18.0.2", 3413, "from 64 to 3412")]
    [InlineData("2001:db8::2", 3413, "from 64 to 3412")]
    public void Frame_size_outside_what_the_family_and_a_page_allow_is_rejected(
        string destination, int size, string expected) =>
        Assert.Contains(expected, UdpError($"eth0 -a {destination} -s {size}"), StringComparison.Ordinal);

    [Theory]
    [InlineData("198.18.0.2", 64)]
    [InlineData("2001:db8::2", 66)]
    [InlineData("2001:db8::2", 3412)]
    public void Frame_size_within_the_limits_is_taken(string destination, int size) =>
        Assert.Equal(size, Udp($"eth0 -a {destination} -s {size}").FrameSize);

    [Theory]
    [InlineData("-s imix", "imix")]
    [InlineData("-s IMIX", "imix")]
    [InlineData("-s 1518:1,64:7,594:4", "64:7,594:4,1518:1")]
    [InlineData("-s 64,128", "64:1,128:1")]
    public void Size_mixes_are_read_and_rendered_canonically(string options, string rendered) =>
        Assert.Equal(rendered, Udp($"{Minimal} {options}").SizeMix?.ToString());

    [Fact]
    public void A_list_of_one_size_is_a_fixed_size() =>
        Assert.Equal((128, null), (Udp($"{Minimal} -s 128:3").FrameSize, Udp($"{Minimal} -s 128:3").SizeMix));

    [Theory]
    [InlineData("-s 64:7,64:1", "twice")]
    [InlineData("-s 64:0,128", "-s/--pkt-size")]
    [InlineData("-s 64:x", "-s/--pkt-size")]
    [InlineData("-s 64::1", "SIZE or SIZE:WEIGHT")]
    [InlineData("-s 64,65,66,67,68,69,70,71,72", "a mix has 2 to 8")]
    [InlineData("-s imix --stamp", "86:7,594:4,1518:1")]
    [InlineData("-a 2001:db8::2 -s 64,128", "size 64 is outside 66")]
    public void Bad_size_mixes_are_rejected_with_the_rule_they_break(string options, string expected) =>
        Assert.Contains(expected, UdpError($"eth0 {(options.Contains("-a") ? "" : "-a 198.18.0.2 ")}{options}"), StringComparison.Ordinal);

    [Theory]
    [InlineData("-a 198.18.0.1-198.18.0.100", "198.18.0.1", 100L)]
    [InlineData("-a 198.18.1.7/24", "198.18.1.0", 256L)]
    [InlineData("-a 2001:db8::1-2001:db8::1:0", "2001:db8::1", 65536L)]
    [InlineData("-a 2001:db8::/120", "2001:db8::", 256L)]
    public void Destination_ranges_give_the_first_address_and_the_count(string options, string first, long count)
    {
        var job = Udp($"eth0 {options}");
        Assert.Equal((IPAddress.Parse(first), count), (job.Destination, job.DestinationCount));
    }

    [Theory]
    [InlineData("-a 198.18.0.9-198.18.0.1", "must follow the first")]
    [InlineData("-a 2001:db8::1-2001:db9::1", "last 32 bits")]
    [InlineData("-a 2001:db8::/64", "/96 to /128")]
    [InlineData("-a 198.18.0.2 -P 2000-1000", "-P/--src-port")]
    [InlineData("-a 198.18.0.2 --flow-order sideways", "one of seq, random")]
    [InlineData("-a 198.18.0.2 --vlan 0", "--vlan")]
    [InlineData("-a 198.18.0.2 --vlan 100:8", "--vlan")]
    [InlineData("-a 198.18.0.0/1 -A 198.18.0.0/16 -P 0-65535 -p 0-65535", "more than the 4294967295")]
    public void Bad_ranges_are_rejected_with_the_fix(string options, string expected) =>
        Assert.Contains(expected, UdpError($"eth0 {options}"), StringComparison.Ordinal);

    [Fact]
    public void Dst_port_range_is_the_same_job_as_dyn_ports() =>
        Assert.Equal(Udp($"{Minimal} -p 1000 -d 1000"), Udp($"{Minimal} -p 1000-1999"));

    [Fact]
    public void Flow_count_multiplies_the_ranges() =>
        Assert.Equal(3L * 8 * 4 * 3, Udp("eth0 -A 198.18.0.11-198.18.0.13 -a 198.19.7.0/29 -P 1000-1003 -p 5000-5002").FlowCount);

    [Theory]
    [InlineData("198.18.0.2", 85, "give -s/--pkt-size 86 or more for IPv4")]
    [InlineData("2001:db8::2", 105, "give -s/--pkt-size 106 or more for IPv6")]
    public void Stamp_in_a_frame_too_small_for_the_probe_is_rejected_with_the_smallest_size(string destination, int size, string expected) =>
        Assert.Contains(expected, UdpError($"eth0 -a {destination} -s {size} --stamp"), StringComparison.Ordinal);

    [Theory]
    [InlineData("198.18.0.2", 86)]
    [InlineData("2001:db8::2", 106)]
    public void Stamp_in_the_smallest_frame_that_holds_the_probe_is_taken(string destination, int size) =>
        Assert.True(Udp($"eth0 -a {destination} -s {size} --stamp").Stamp);

    [Theory]
    [InlineData("-p 65500 -d 100", "the largest count allowed from port 65500 is 36")]
    [InlineData("-d 65528", "the largest count allowed from port 9 is 65527")]
    [InlineData("-p 65535 -d 2", "the largest count allowed from port 65535 is 1")]
    public void Port_range_past_65535_is_rejected_with_the_largest_allowed_count(string options, string expected) =>
        Assert.Contains(expected, UdpError($"{Minimal} {options}"), StringComparison.Ordinal);

    [Theory]
    [InlineData("-p 65500 -d 36", 36)]
    [InlineData("-d 65527", 65527)]
    [InlineData("-p 0 -d 65536", 65536)]
    public void Port_range_ending_at_65535_is_taken(string options, int count) =>
        Assert.Equal(count, Udp($"{Minimal} {options}").DynamicPorts);

    [Theory]
    [InlineData("-n 10x", "-n/--num-packets")]
    [InlineData("-n 0", "-n/--num-packets")]
    [InlineData("-n -1", "-n/--num-packets")]
    [InlineData("-p 65536", "-p/--dst-port")]
    [InlineData("-P x", "-P/--src-port")]
    [InlineData("-d 65537", "-d/--dyn-ports")]
    [InlineData("-d -1", "-d/--dyn-ports")]
    [InlineData("--duration 0", "--duration")]
    [InlineData("-I 0", "-I/--interval")]
    [InlineData("-I -1s", "-I/--interval")]
    [InlineData("-t 0", "-t/--threads")]
    [InlineData("-t 257", "-t/--threads")]
    [InlineData("--batch-size 0", "--batch-size")]
    [InlineData("--batch-size 257", "--batch-size")]
    [InlineData("-l 0", "-l/--hop-limit")]
    [InlineData("-l 256", "-l/--hop-limit")]
    [InlineData("-m 02:00:00:00:00", "-m/--dst-mac")]
    [InlineData("-M x", "-M/--src-mac")]
    [InlineData("-A 198.18.0", "-A/--src-addr")]
    [InlineData("--cpus 3-1", "--cpus")]
    [InlineData("--payload-hex abc", "--payload-hex")]
    public void Bad_value_is_rejected_naming_the_option_and_quoting_the_value(string options, string name)
    {
        var message = UdpError($"{Minimal} {options}");
        Assert.Contains($"for {name}: expected", message, StringComparison.Ordinal);
        Assert.Contains($"'{options.Split(' ')[1]}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_destination_is_rejected_naming_the_option() =>
        Assert.Contains("for -a/--dst-addr: expected", UdpError("eth0 -a 198.18.0.300"), StringComparison.Ordinal);

    [Theory]
    [InlineData("-t 256", 256)]
    [InlineData("-t 1", 1)]
    public void Threads_from_1_to_256_are_taken(string options, int threads) =>
        Assert.Equal(threads, Udp($"{Minimal} {options}").Threads);

    [Fact]
    public void Cpus_without_threads_give_one_thread_per_cpu()
    {
        var job = Udp($"{Minimal} --cpus 0-3,6");
        Assert.Equal([0, 1, 2, 3, 6], job.Cpus);
        Assert.Equal(5, job.Threads);
    }

    [Fact]
    public void Cpus_with_the_same_number_of_threads_are_taken() =>
        Assert.Equal(2, Udp($"{Minimal} --cpus 4,6 -t 2").Threads);

    [Fact]
    public void Cpus_and_threads_that_disagree_are_rejected_naming_both_counts() =>
        Assert.Equal(
            "--cpus lists 3 CPUs but -t/--threads is 4; give one CPU per thread",
            UdpError($"{Minimal} -t 4 --cpus 0-2"));

    [Fact]
    public void More_cpus_than_threads_allowed_are_rejected() =>
        Assert.Contains("at most 256 threads", UdpError($"{Minimal} --cpus 0-256"), StringComparison.Ordinal);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("eth0 -a 198.18.0.2 -h")]
    [InlineData("-n 10x --help")]
    public void Help_is_recognised_anywhere_before_double_dash(string line) =>
        Assert.True(UdpJob.RequestsHelp(Split(line)));

    [Theory]
    [InlineData(Minimal)]
    [InlineData("-a 198.18.0.2 -- --help")]
    [InlineData("-n --help eth0")]
    public void Help_is_not_seen_where_it_is_not_an_option(string line) =>
        Assert.False(UdpJob.RequestsHelp(Split(line)));

    [Fact]
    public void Help_inside_a_job_is_rejected() =>
        Assert.Contains("-h/--help is not part of a job", UdpError($"{Minimal} --help"), StringComparison.Ordinal);
}
