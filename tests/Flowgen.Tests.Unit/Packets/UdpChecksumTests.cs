using System.Net.Sockets;
using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

public class UdpChecksumTests
{
    public static TheoryData<int, ushort, byte> Ipv4Cases => UdpSpecs.SizesPortsAndHopLimits(AddressFamily.InterNetwork);

    public static TheoryData<int, ushort, byte> Ipv6Cases => UdpSpecs.SizesPortsAndHopLimits(AddressFamily.InterNetworkV6);

    [Theory]
    [MemberData(nameof(Ipv4Cases))]
    public void Ipv4_udp_frames_carry_valid_ip_and_udp_checksums_at_every_size(int wireSize, ushort port, byte hopLimit)
    {
        ParsedUdpFrame parsed = BuildAndParse(AddressFamily.InterNetwork, wireSize, port, hopLimit);

        Assert.True(Assert.IsType<IPv4Packet>(parsed.Ip).ValidIPChecksum);
        Assert.True(parsed.Udp.ValidUdpChecksum);
        Assert.True(parsed.Udp.ValidChecksum);
    }

    [Theory]
    [MemberData(nameof(Ipv6Cases))]
    public void Ipv6_udp_frames_carry_valid_checksums_at_every_size(int wireSize, ushort port, byte hopLimit)
    {
        ParsedUdpFrame parsed = BuildAndParse(AddressFamily.InterNetworkV6, wireSize, port, hopLimit);

        Assert.True(parsed.Udp.ValidUdpChecksum);
        Assert.True(parsed.Udp.ValidChecksum);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void Template_reports_the_udp_checksum_written_in_the_frame(AddressFamily family)
    {
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(family, 512));

        Assert.Equal(ParsedUdpFrame.Parse(template.Frame).Udp.Checksum, template.UdpChecksum);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, 64)]
    [InlineData(AddressFamily.InterNetwork, 1518)]
    [InlineData(AddressFamily.InterNetworkV6, 66)]
    [InlineData(AddressFamily.InterNetworkV6, 1518)]
    public void A_computed_zero_udp_checksum_is_sent_as_ffff(AddressFamily family, int wireSize)
    {
        // With source port 0 the checksum is C. Raising the source port to C adds C to the
        // one's-complement sum, which then becomes 0xFFFF: the computed checksum is 0.
        ushort checksumAtPortZero = UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize, sourcePort: 0)).UdpChecksum;
        Assert.NotEqual(0xFFFF, checksumAtPortZero);

        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize, sourcePort: checksumAtPortZero));
        ParsedUdpFrame parsed = ParsedUdpFrame.Parse(template.Frame);

        Assert.Equal(0, parsed.Udp.CalculateUdpChecksum()); // what PacketDotNet computes
        Assert.Equal(0xFFFF, parsed.Udp.Checksum);
        Assert.Equal(0xFFFF, template.UdpChecksum);
        Assert.True(parsed.Udp.ValidUdpChecksum);
    }

    private static ParsedUdpFrame BuildAndParse(AddressFamily family, int wireSize, ushort port, byte hopLimit)
    {
        UdpFrameSpec spec = UdpSpecs.Create(family, wireSize, port, (ushort)(65535 - port), hopLimit);
        FrameTemplate template = UdpFrameBuilder.Build(spec);

        Assert.Equal(wireSize - 4, template.Frame.Length);
        ParsedUdpFrame parsed = ParsedUdpFrame.Parse(template.Frame);
        Assert.Equal(port, parsed.Udp.SourcePort);
        Assert.Equal(65535 - port, parsed.Udp.DestinationPort);
        return parsed;
    }
}
