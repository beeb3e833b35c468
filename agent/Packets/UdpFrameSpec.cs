using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Packets;

/// <summary>
/// What a UDP frame carries. <paramref name="WireSize"/> counts the FCS (see
/// <see cref="FrameSizes"/>). An empty <paramref name="PayloadPattern"/> means payload byte i
/// is (byte)i, counted from the first payload byte, so a receiver can verify it; otherwise the
/// pattern is repeated to fill the payload. <paramref name="Stamp"/> puts a probe template
/// (<see cref="ProbeHeader"/>) at the start of the payload; <paramref name="VlanTag"/>, when set, is
/// the 802.1Q tag control (priority and VLAN ID) of a tag inserted after the MAC addresses.
/// </summary>
internal sealed record UdpFrameSpec(
    PhysicalAddress SourceMac,
    PhysicalAddress DestinationMac,
    IPAddress Source,
    IPAddress Destination,
    ushort SourcePort,
    ushort DestinationPort,
    int WireSize,
    byte HopLimit,
    ReadOnlyMemory<byte> PayloadPattern,
    bool Stamp = false,
    ushort? VlanTag = null);
