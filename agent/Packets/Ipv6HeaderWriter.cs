using System.Buffers.Binary;
using System.Net;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Writes a 40-byte IPv6 header (no extension headers).</summary>
internal static class Ipv6HeaderWriter
{
    private const uint Version6 = 6u << 28; // traffic class and flow label 0

    public static void Write(Span<byte> header, IPAddress source, IPAddress destination, byte hopLimit, byte nextHeader, int payloadLength)
    {
        header = header[..FrameSizes.Ipv6Header];
        BinaryPrimitives.WriteUInt32BigEndian(header, Version6);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], checked((ushort)payloadLength));
        header[6] = nextHeader;
        header[7] = hopLimit;
        AddressBytes.Write(header.Slice(8, 16), source);
        AddressBytes.Write(header.Slice(24, 16), destination);
    }
}
