using System.Net.Sockets;
using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

public class Ipv6FrameLayoutTests
{
    private const AddressFamily Family = AddressFamily.InterNetworkV6;

    public static TheoryData<int, ushort, byte> Cases => UdpSpecs.SizesPortsAndHopLimits(Family);

    public static TheoryData<int> Sizes => UdpSpecs.Sizes(Family);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ipv6_udp_frames_carry_every_header_field_as_specified(int wireSize, ushort port, byte hopLimit)
    {
        UdpFrameSpec spec = UdpSpecs.Create(Family, wireSize, port, (ushort)(65535 - port), hopLimit);
        ParsedUdpFrame parsed = ParsedUdpFrame.Parse(UdpFrameBuilder.Build(spec).Frame);
        var ip = Assert.IsType<IPv6Packet>(parsed.Ip);

        FrameAssert.EthernetMatches(spec, EthernetType.IPv6, parsed.Ethernet);
        Assert.Equal(IPVersion.IPv6, ip.Version);
        Assert.Equal(0, ip.TrafficClass);
        Assert.Equal(0, ip.FlowLabel);
        Assert.Equal(wireSize - 4 - 14 - 40, ip.PayloadLength);
        Assert.Equal(PacketDotNet.ProtocolType.Udp, ip.NextHeader);
        Assert.Equal(hopLimit, ip.HopLimit);
        Assert.Equal(spec.Source, ip.SourceAddress);
        Assert.Equal(spec.Destination, ip.DestinationAddress);
        FrameAssert.UdpMatches(spec, wireSize - 4 - 14 - 40, parsed.Udp);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ipv6_template_locates_the_udp_header_and_payload(int wireSize)
    {
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(Family, wireSize));

        Assert.Equal(AddressFamily.InterNetworkV6, template.Family);
        Assert.Equal(wireSize, template.WireSize);
        Assert.Equal(wireSize - 4, template.Frame.Length);
        Assert.Equal(14 + 40, template.UdpOffset);
        Assert.Equal(14 + 40 + 8, template.PayloadOffset);
        Assert.Equal(wireSize - 4 - 14 - 40 - 8, template.PayloadLength);
    }
}
