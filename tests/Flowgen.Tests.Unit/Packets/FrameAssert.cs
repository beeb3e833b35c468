using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

/// <summary>The checks IPv4 and IPv6 frames share: Ethernet and UDP headers.</summary>
internal static class FrameAssert
{
    public static void EthernetMatches(UdpFrameSpec spec, EthernetType expectedType, EthernetPacket ethernet)
    {
        Assert.Equal(spec.DestinationMac, ethernet.DestinationHardwareAddress);
        Assert.Equal(spec.SourceMac, ethernet.SourceHardwareAddress);
        Assert.Equal(expectedType, ethernet.Type);
    }

    public static void UdpMatches(UdpFrameSpec spec, int expectedUdpLength, UdpPacket udp)
    {
        Assert.Equal(spec.SourcePort, udp.SourcePort);
        Assert.Equal(spec.DestinationPort, udp.DestinationPort);
        Assert.Equal(expectedUdpLength, udp.Length);
    }
}
