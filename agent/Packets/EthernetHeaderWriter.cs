using System.Buffers.Binary;
using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Writes an Ethernet II header: destination MAC, source MAC, EtherType.</summary>
internal static class EthernetHeaderWriter
{
    public static void Write(Span<byte> header, PhysicalAddress destination, PhysicalAddress source, ushort etherType)
    {
        WriteMac(header[..FrameSizes.MacAddress], destination);
        WriteMac(header.Slice(FrameSizes.MacAddress, FrameSizes.MacAddress), source);
        BinaryPrimitives.WriteUInt16BigEndian(header.Slice(2 * FrameSizes.MacAddress, 2), etherType);
    }

    private static void WriteMac(Span<byte> destination, PhysicalAddress mac)
    {
        byte[] bytes = mac.GetAddressBytes();
        if (bytes.Length != FrameSizes.MacAddress)
        {
            throw new ArgumentException($"a MAC address has {FrameSizes.MacAddress} bytes, not {bytes.Length}", nameof(mac));
        }

        bytes.CopyTo(destination);
    }
}
