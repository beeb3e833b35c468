using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Packets;

/// <summary>
/// What a UDP frame carries. <paramref name="WireSize"/> counts the FCS (see
/// <see cref="FrameSizes"/>). An empty <paramref name="PayloadPattern"/> means payload byte i
/// is (byte)i, counted from the first payload byte, so a receiver can verify it; otherwise the
/// pattern is repeated to fill the payload.
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
    ReadOnlyMemory<byte> PayloadPattern);
