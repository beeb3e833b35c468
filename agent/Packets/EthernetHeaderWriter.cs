using System.Buffers.Binary;
using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Writes an Ethernet II header: destination MAC, source MAC, an optional 802.1Q tag, EtherType.</summary>
internal static class EthernetHeaderWriter
{
    /// <param name="vlanTag">The tag control information (priority and VLAN ID) of an 802.1Q tag; null: untagged.</param>
    public static void Write(Span<byte> header, PhysicalAddress destination, PhysicalAddress source, ushort etherType, ushort? vlanTag = null)
    {
        WriteMac(header[..FrameSizes.MacAddress], destination);
        WriteMac(header.Slice(FrameSizes.MacAddress, FrameSizes.MacAddress), source);
        Span<byte> rest = header[(2 * FrameSizes.MacAddress)..];
        if (vlanTag is { } tci)
        {
            BinaryPrimitives.WriteUInt16BigEndian(rest, EtherType.Vlan);
            BinaryPrimitives.WriteUInt16BigEndian(rest[2..], tci);
            rest = rest[FrameSizes.VlanTag..];
        }

        BinaryPrimitives.WriteUInt16BigEndian(rest[..2], etherType);
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
