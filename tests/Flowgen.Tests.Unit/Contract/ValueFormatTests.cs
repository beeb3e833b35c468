using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

public class ValueFormatTests
{
    [Theory]
    [InlineData(2 * TimeSpan.TicksPerHour, "2h")]
    [InlineData(90 * TimeSpan.TicksPerMinute, "90m")]
    [InlineData(90 * TimeSpan.TicksPerSecond, "90s")]
    [InlineData(1500 * TimeSpan.TicksPerMillisecond, "1500ms")]
    [InlineData(15 * TimeSpan.TicksPerMillisecond / 10, "0.0015s")]
    [InlineData(1L, "0.0000001s")]
    [InlineData(TimeSpan.TicksPerHour + 1, "3600.0000001s")]
    public void Duration_is_written_in_the_largest_exact_unit_and_reads_back(long ticks, string expected)
    {
        var duration = TimeSpan.FromTicks(ticks);
        Assert.Equal(expected, ValueFormat.Duration(duration));
        Assert.Equal(duration, ValueParsers.Duration(expected, "--t"));
    }

    [Fact]
    public void Longest_duration_reads_back() =>
        Assert.Equal(TimeSpan.MaxValue, ValueParsers.Duration(ValueFormat.Duration(TimeSpan.MaxValue), "--t"));

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 6 }, "0-3,6")]
    [InlineData(new[] { 5 }, "5")]
    [InlineData(new[] { 1, 2, 4, 5, 6, 9 }, "1-2,4-6,9")]
    public void Cpu_list_is_written_as_ranges_and_reads_back(int[] cpus, string expected)
    {
        Assert.Equal(expected, ValueFormat.CpuList(cpus));
        Assert.Equal(cpus, ValueParsers.CpuList(expected, "--cpus"));
    }

    [Fact]
    public void Mac_is_written_lowercase_with_colons() =>
        Assert.Equal("0a:bb:cc:dd:ee:0f", ValueFormat.Mac(PhysicalAddress.Parse("0A-BB-CC-DD-EE-0F")));

    [Fact]
    public void Hex_is_written_lowercase() =>
        Assert.Equal("deadbeef", ValueFormat.Hex(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }));
}
