using System.Buffers.Binary;
using System.Net;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Writes a 20-byte IPv4 header (no options) with its checksum.</summary>
internal static class Ipv4HeaderWriter
{
    private const byte VersionAndIhl = 0x45; // version 4, 5 × 32-bit words
    private const ushort DontFragment = 0x4000;

    public static void Write(Span<byte> header, IPAddress source, IPAddress destination, byte timeToLive, byte protocol, int payloadLength)
    {
        header = header[..FrameSizes.Ipv4Header];
        header[0] = VersionAndIhl;
        header[1] = 0; // DSCP/ECN
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], checked((ushort)(FrameSizes.Ipv4Header + payloadLength)));
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 0); // identification: DF is set, so nothing reassembles
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], DontFragment);
        header[8] = timeToLive;
        header[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], 0);
        AddressBytes.Write(header.Slice(12, 4), source);
        AddressBytes.Write(header.Slice(16, 4), destination);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], InternetChecksum.Compute(header));
    }
}
