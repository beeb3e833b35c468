using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

/// <summary>A frame as the independent parser PacketDotNet reads it.</summary>
internal sealed record ParsedUdpFrame(EthernetPacket Ethernet, IPPacket Ip, UdpPacket Udp)
{
    private const int EthernetHeader = 14;

    public static ParsedUdpFrame Parse(byte[] frame)
    {
        // PacketDotNet 1.4.8 reads one byte past an empty UDP payload sent to port 0, 7 or 9
        // (its Wake-on-LAN probe). A spare byte after the frame keeps it in bounds; the IP
        // length fields keep that byte out of the parsed packet, as checked below.
        byte[] buffer = new byte[frame.Length + 1];
        frame.CopyTo(buffer, 0);

        var ethernet = Assert.IsType<EthernetPacket>(Packet.ParsePacket(LinkLayers.Ethernet, buffer));
        var ip = Assert.IsAssignableFrom<IPPacket>(ethernet.PayloadPacket);
        var udp = Assert.IsType<UdpPacket>(ip.PayloadPacket);
        Assert.Equal(frame.Length - EthernetHeader - ip.HeaderData.Length, udp.Bytes.Length);
        return new ParsedUdpFrame(ethernet, ip, udp);
    }
}
