using System.Buffers.Binary;
using System.Net.NetworkInformation;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>
/// The frame `flowgen probe` sends once: addressed to the sender's own MAC, with the IEEE
/// local-experimental EtherType, so the receiving host's stack discards it unread.
/// </summary>
internal static class ProbeFrame
{
    public const ushort LocalExperimentalEtherType = 0x88B5;

    public static byte[] Build(PhysicalAddress interfaceMac)
    {
        var frame = new byte[FrameSizes.EthernetMinimumWire - FrameSizes.Fcs];
        byte[] mac = interfaceMac.GetAddressBytes();
        mac.CopyTo(frame, 0);
        mac.CopyTo(frame, FrameSizes.MacAddress);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2 * FrameSizes.MacAddress), LocalExperimentalEtherType);
        return frame;
    }
}
