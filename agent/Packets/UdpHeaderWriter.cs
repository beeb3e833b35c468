using System.Buffers.Binary;
using System.Net;

namespace Flowgen.Packets;

/// <summary>Writes a UDP header in front of a payload that is already in place, with its checksum.</summary>
internal static class UdpHeaderWriter
{
    private const int ChecksumOffset = 6;

    /// <summary>
    /// Writes the header at the start of <paramref name="datagram"/> (header and payload) and
    /// returns the checksum as written.
    /// </summary>
    public static ushort Write(Span<byte> datagram, ushort sourcePort, ushort destinationPort, IPAddress source, IPAddress destination)
    {
        ushort length = checked((ushort)datagram.Length);
        BinaryPrimitives.WriteUInt16BigEndian(datagram, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[4..], length);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[ChecksumOffset..], 0);

        ulong sum = InternetChecksum.PseudoHeaderSum(source, destination, IpProtocol.Udp, length);
        ushort checksum = InternetChecksum.Complement(InternetChecksum.Sum(datagram, sum));

        // A zero checksum means "none" in UDP over IPv4 and is forbidden over IPv6; a computed
        // zero is sent as its one's-complement equivalent (RFC 768, RFC 8200 §8.1).
        if (checksum == 0)
        {
            checksum = 0xFFFF;
        }

        BinaryPrimitives.WriteUInt16BigEndian(datagram[ChecksumOffset..], checksum);
        return checksum;
    }
}
