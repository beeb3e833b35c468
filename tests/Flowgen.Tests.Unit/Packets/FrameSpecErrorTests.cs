using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Packets;

namespace Flowgen.Tests.Unit.Packets;

public class FrameSpecErrorTests
{
    [Fact]
    public void Source_and_destination_in_different_families_are_refused()
    {
        UdpFrameSpec spec = UdpSpecs.Create(AddressFamily.InterNetwork, 64) with
        {
            Source = IPAddress.Parse("198.18.0.1"),
            Destination = IPAddress.Parse("2001:db8::2"),
        };

        var error = Assert.Throws<FrameSpecException>(() => UdpFrameBuilder.Build(spec));
        Assert.Equal("source 198.18.0.1 is IPv4 but destination 2001:db8::2 is IPv6: give both in one family", error.Message);
    }

    [Fact]
    public void An_ipv6_source_with_an_ipv4_destination_is_refused()
    {
        UdpFrameSpec spec = UdpSpecs.Create(AddressFamily.InterNetworkV6, 66) with
        {
            Destination = IPAddress.Parse("198.18.0.2"),
        };

        var error = Assert.Throws<FrameSpecException>(() => UdpFrameBuilder.Build(spec));
        Assert.Equal("source 2001:db8::1 is IPv6 but destination 198.18.0.2 is IPv4: give both in one family", error.Message);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, 63, "-s 63 is too small for IPv4 UDP: the smallest frame is 64 bytes on the wire")]
    [InlineData(AddressFamily.InterNetwork, 0, "-s 0 is too small for IPv4 UDP: the smallest frame is 64 bytes on the wire")]
    [InlineData(AddressFamily.InterNetworkV6, 60, "-s 60 is too small for IPv6 UDP: the smallest frame is 66 bytes on the wire")]
    [InlineData(AddressFamily.InterNetworkV6, 65, "-s 65 is too small for IPv6 UDP: the smallest frame is 66 bytes on the wire")]
    [InlineData(AddressFamily.InterNetworkV6, -1, "-s -1 is too small for IPv6 UDP: the smallest frame is 66 bytes on the wire")]
    public void Frames_below_the_family_minimum_are_refused(AddressFamily family, int wireSize, string message)
    {
        var error = Assert.Throws<FrameSpecException>(() => UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize)));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, 3413)]
    [InlineData(AddressFamily.InterNetworkV6, 3413)]
    [InlineData(AddressFamily.InterNetworkV6, 9018)]
    public void Frames_larger_than_one_page_are_refused(AddressFamily family, int wireSize)
    {
        var error = Assert.Throws<FrameSpecException>(() => UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize)));
        Assert.Equal(
            $"-s {wireSize} is too large: a live-frames frame must fit one memory page, so the largest is "
            + "3412 bytes on the wire (3408 handed to the kernel); give -s 3412 or less",
            error.Message);
    }

    public static TheoryData<string, string, string> BadMacs => new()
    {
        { "source", "02-00-5E-10-00", "source MAC 02:00:5E:10:00 is 5 bytes long" },
        { "source", "", "source MAC (empty) is 0 bytes long" },
        { "destination", "02-00-5E-10-00-02-03-04", "destination MAC 02:00:5E:10:00:02:03:04 is 8 bytes long" },
    };

    [Theory]
    [MemberData(nameof(BadMacs))]
    public void Macs_that_are_not_six_bytes_are_refused(string role, string mac, string problem)
    {
        UdpFrameSpec spec = UdpSpecs.Create(AddressFamily.InterNetwork, 64);
        spec = role == "source"
            ? spec with { SourceMac = PhysicalAddress.Parse(mac) }
            : spec with { DestinationMac = PhysicalAddress.Parse(mac) };

        var error = Assert.Throws<FrameSpecException>(() => UdpFrameBuilder.Build(spec));
        Assert.Equal($"{problem}: give a 6-byte Ethernet address such as 02:00:00:00:00:01", error.Message);
    }
}
