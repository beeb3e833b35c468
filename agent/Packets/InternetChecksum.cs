using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Flowgen.Packets;

/// <summary>
/// The Internet checksum (RFC 1071): the one's-complement of the one's-complement sum of
/// 16-bit big-endian words. Used for the IPv4 header and for UDP (and TCP) with their
/// pseudo-header.
/// </summary>
internal static class InternetChecksum
{
    /// <summary>
    /// Adds <paramref name="data"/> to a running sum. Sums may be chained, but only the last
    /// span of a chain may have an odd length: its final byte is padded with a zero.
    /// </summary>
    public static ulong Sum(ReadOnlySpan<byte> data, ulong sum = 0)
    {
        // Adding 32-bit words and folding later gives the same 16-bit result (RFC 1071 §2(B)).
        while (data.Length >= 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data);
            data = data[4..];
        }

        if (data.Length >= 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data);
            data = data[2..];
        }

        if (data.Length == 1)
        {
            sum += (ulong)data[0] << 8;
        }

        return sum;
    }

    /// <summary>Folds the carries back in (end-around carry) to give the 16-bit one's-complement sum.</summary>
    public static ushort Fold(ulong sum)
    {
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)sum;
    }

    /// <summary>The checksum to write into a header: the complement of the folded sum.</summary>
    public static ushort Complement(ulong sum) => (ushort)~Fold(sum);

    /// <summary>The checksum of one span, e.g. an IPv4 header whose checksum field is zero.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Complement(Sum(data));

    /// <summary>
    /// The sum of the pseudo-header that UDP and TCP checksums cover: the addresses, the
    /// protocol number and the upper-layer length (RFC 768 for IPv4, RFC 8200 §8.1 for IPv6).
    /// </summary>
    public static ulong PseudoHeaderSum(IPAddress source, IPAddress destination, byte protocol, int upperLayerLength)
    {
        if (source.AddressFamily != destination.AddressFamily)
        {
            throw new ArgumentException(
                $"source {source} and destination {destination} are in different address families", nameof(destination));
        }

        ulong sum = AddressSum(source) + AddressSum(destination);
        return sum + protocol + (uint)upperLayerLength;
    }

    private static ulong AddressSum(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int written)
            || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"{address} is neither IPv4 nor IPv6", nameof(address));
        }

        return Sum(bytes[..written]);
    }
}
