using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

/// <summary>`--rate`: packets/s or bits/s of frames on the wire, at least 1k packets/s.</summary>
public class RateParserTests
{
    private const string Option = "-r/--rate";

    [Theory]
    [InlineData("50k", 50_000L, RateUnit.PacketsPerSecond)]
    [InlineData("2.5M", 2_500_000L, RateUnit.PacketsPerSecond)]
    [InlineData("1000", 1_000L, RateUnit.PacketsPerSecond)]
    [InlineData("50kpps", 50_000L, RateUnit.PacketsPerSecond)]
    [InlineData("10Gbit", 10_000_000_000L, RateUnit.BitsPerSecond)]
    [InlineData("1.5Gbit/s", 1_500_000_000L, RateUnit.BitsPerSecond)]
    [InlineData("800Mbit", 800_000_000L, RateUnit.BitsPerSecond)]
    [InlineData("512kbit", 512_000L, RateUnit.BitsPerSecond)]
    public void Rate_takes_packets_or_bits_per_second(string text, long value, RateUnit unit) =>
        Assert.Equal(new SendRate(value, unit), ValueParsers.Rate(text, Option));

    [Theory]
    [InlineData("fast")]
    [InlineData("10Gbps")]
    [InlineData("10GB")]
    [InlineData("10 Gbit")]
    [InlineData("-50k")]
    [InlineData("1.0001k")]
    [InlineData("2.5")]
    [InlineData("0.5bit")]
    [InlineData("2G")]
    [InlineData("")]
    public void Rate_rejects_what_it_does_not_read_exactly_naming_the_forms(string text)
    {
        var message = Assert.Throws<UsageException>(() => ValueParsers.Rate(text, Option)).Message;
        Assert.Contains($"invalid value '{text}' for {Option}", message, StringComparison.Ordinal);
        Assert.Contains("50k", message, StringComparison.Ordinal);
        Assert.Contains("10Gbit", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("0")]
    [InlineData("0.5k")]
    public void Rate_below_1k_packets_per_second_is_refused_naming_the_minimum(string text)
    {
        var message = Assert.Throws<UsageException>(() => ValueParsers.Rate(text, Option)).Message;
        Assert.Contains("below the slowest rate, 1000 packets/s", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bit_rate_below_1k_frames_per_second_is_refused_for_the_jobs_frame_size()
    {
        var message = Assert.Throws<UsageException>(() =>
            UdpJob.Parse(["-a", "198.18.0.2", "-s", "1000", "--rate", "7Mbit", "eth0"])).Message;
        Assert.Contains("below the slowest rate for 1000-byte frames", message, StringComparison.Ordinal);
        Assert.Contains("8000000bit/s", message, StringComparison.Ordinal);
        Assert.Equal(new SendRate(8_000_000, RateUnit.BitsPerSecond),
            UdpJob.Parse(["-a", "198.18.0.2", "-s", "1000", "--rate", "8Mbit", "eth0"]).Rate);
    }

    [Theory]
    [InlineData("imix", 362, "2896000bit/s")] // (64*7 + 594*4 + 1518) / 12 = 361.8
    [InlineData("64:1,1000:1", 532, "4256000bit/s")]
    public void Bit_rate_below_1k_frames_per_second_is_refused_for_the_mixs_mean_frame(string mix, int mean, string minimum)
    {
        string[] Job(string rate) => ["-a", "198.18.0.2", "-s", mix, "--rate", rate, "eth0"];
        var message = Assert.Throws<UsageException>(() => UdpJob.Parse(Job("2Mbit"))).Message;
        Assert.Contains($"below the slowest rate for {mean}-byte frames", message, StringComparison.Ordinal);
        Assert.Contains(minimum, message, StringComparison.Ordinal);
        Assert.Equal(new SendRate(5_000_000, RateUnit.BitsPerSecond), UdpJob.Parse(Job("5Mbit")).Rate);
    }

    [Theory]
    [InlineData("50k", "50000")]
    [InlineData("10Gbit", "10000000000bit")]
    [InlineData("1.5Gbit/s", "1500000000bit")]
    public void Rate_renders_canonically_and_reads_back(string text, string canonical)
    {
        var job = UdpJob.Parse(["-a", "198.18.0.2", "-r", text, "eth0"]);
        var args = job.ToArguments();
        Assert.Equal(canonical, args[args.ToList().IndexOf("--rate") + 1]);
        Assert.Equal(job, UdpJob.Parse(job.ToArguments()));
    }

    [Theory]
    [InlineData(RateUnit.PacketsPerSecond, 50_000L, 64, 50_000.0, 25_600_000.0)]
    [InlineData(RateUnit.BitsPerSecond, 10_000_000_000L, 1250, 1_000_000.0, 10_000_000_000.0)]
    public void Rate_converts_with_the_frames_wire_size_FCS_included(RateUnit unit, long value, int wireSize, double pps, double bps)
    {
        var rate = new SendRate(value, unit);
        Assert.Equal(pps, rate.FramesPerSecond(wireSize), 6);
        Assert.Equal(bps, rate.BitsPerSecond(wireSize), 6);
    }

    [Fact]
    public void Rate_of_a_job_is_in_its_help() =>
        Assert.Contains("--rate RATE", UdpJob.Help, StringComparison.Ordinal);
}
