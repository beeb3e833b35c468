using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// One UDP frame as a packet socket saw it, decoded and checked by PacketDotNet, independently of
/// the generator's own code: its size on the wire, addresses, ports, whether every length field
/// matches the frame and every checksum is valid, and its payload.
/// </summary>
public sealed record CapturedUdpFrame(
    int WireSize, IPAddress Source, IPAddress Destination, int SourcePort, int DestinationPort,
    bool LengthsMatch, bool ChecksumsValid, byte[] Payload)
{
    public PhysicalAddress SourceMac { get; init; } = PhysicalAddress.None;
    public PhysicalAddress DestinationMac { get; init; } = PhysicalAddress.None;

    const int Fcs = 4;
    const int EthernetHeader = 14;
    const int Ipv6Header = 40;

    /// <summary>A UDP frame over IPv4 or IPv6, or null for anything else.</summary>
    public static CapturedUdpFrame? Parse(byte[] frame)
    {
        if (Packet.ParsePacket(LinkLayers.Ethernet, frame) is not EthernetPacket { PayloadPacket: IPPacket ip } ethernet
            || ip.PayloadPacket is not UdpPacket udp)
            return null;
        int ipBytes = frame.Length - EthernetHeader;
        int udpBytes = ipBytes - (ip is IPv4Packet ? (frame[EthernetHeader] & 0xf) * 4 : Ipv6Header);
        bool lengths = ip is IPv4Packet v4 ? v4.TotalLength == ipBytes : ((IPv6Packet)ip).PayloadLength == udpBytes;
        bool checksums = udp.ValidUdpChecksum && (ip is not IPv4Packet v4Header || v4Header.ValidIPChecksum);
        return new CapturedUdpFrame(frame.Length + Fcs, ip.SourceAddress, ip.DestinationAddress, udp.SourcePort, udp.DestinationPort,
            lengths && udp.Length == udpBytes, checksums, udp.PayloadData ?? [])
        {
            SourceMac = ethernet.SourceHardwareAddress,
            DestinationMac = ethernet.DestinationHardwareAddress,
        };
    }

    /// <summary>The probe at the start of the payload, or null when it has none (wrong magic or too short).</summary>
    public Probe? ReadProbe() => Probe.Read(Payload);

    public override string ToString() =>
        $"{SourceMac} > {DestinationMac} {Source}:{SourcePort} > {Destination}:{DestinationPort} {WireSize} B{(LengthsMatch ? "" : " BAD LENGTH")}{(ChecksumsValid ? "" : " BAD CHECKSUM")}";
}

/// <summary>struct flowgen_probe (bpf/flowgen.h), read back in network byte order.</summary>
public sealed record Probe(int Stream, uint Flow, ulong Seq, ulong SentNs, ulong ReflectedNs)
{
    public const uint Magic = 0x46475031;
    public const int Size = 40;

    public static Probe? Read(ReadOnlySpan<byte> payload) =>
        payload.Length < Size || BinaryPrimitives.ReadUInt32BigEndian(payload) != Magic
            ? null
            : new Probe(
                BinaryPrimitives.ReadUInt16BigEndian(payload[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(payload[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(payload[16..]),
                BinaryPrimitives.ReadUInt64BigEndian(payload[24..]),
                BinaryPrimitives.ReadUInt64BigEndian(payload[32..]));
}
