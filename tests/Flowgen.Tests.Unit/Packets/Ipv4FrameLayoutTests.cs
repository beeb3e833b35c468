using System.Net.Sockets;
using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

public class Ipv4FrameLayoutTests
{
    private const AddressFamily Family = AddressFamily.InterNetwork;

    public static TheoryData<int, ushort, byte> Cases => UdpSpecs.SizesPortsAndHopLimits(Family);

    public static TheoryData<int> Sizes => UdpSpecs.Sizes(Family);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ipv4_udp_frames_carry_every_header_field_as_specified(int wireSize, ushort port, byte hopLimit)
    {
        UdpFrameSpec spec = UdpSpecs.Create(Family, wireSize, port, (ushort)(65535 - port), hopLimit);
        byte[] frame = UdpFrameBuilder.Build(spec).Frame;
        ParsedUdpFrame parsed = ParsedUdpFrame.Parse(frame);
        var ip = Assert.IsType<IPv4Packet>(parsed.Ip);

        FrameAssert.EthernetMatches(spec, EthernetType.IPv4, parsed.Ethernet);
        Assert.Equal(IPVersion.IPv4, ip.Version);
        Assert.Equal(0x45, frame[14]); // version 4, header length 5 words: no options
        Assert.Equal(0, ip.TypeOfService);
        Assert.Equal(wireSize - 4 - 14, ip.TotalLength);
        Assert.Equal(0, ip.Id);
        Assert.Equal(0b010, ip.FragmentFlags); // DF set, MF clear
        Assert.Equal(0, ip.FragmentOffset);
        Assert.Equal(hopLimit, ip.TimeToLive);
        Assert.Equal(PacketDotNet.ProtocolType.Udp, ip.Protocol);
        Assert.Equal(spec.Source, ip.SourceAddress);
        Assert.Equal(spec.Destination, ip.DestinationAddress);
        FrameAssert.UdpMatches(spec, wireSize - 4 - 14 - 20, parsed.Udp);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ipv4_template_locates_the_udp_header_and_payload(int wireSize)
    {
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(Family, wireSize));

        Assert.Equal(AddressFamily.InterNetwork, template.Family);
        Assert.Equal(wireSize, template.WireSize);
        Assert.Equal(wireSize - 4, template.Frame.Length);
        Assert.Equal(14 + 20, template.UdpOffset);
        Assert.Equal(14 + 20 + 8, template.PayloadOffset);
        Assert.Equal(wireSize - 4 - 14 - 20 - 8, template.PayloadLength);
    }
}
