using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Packets;

/// <summary>
/// What every segment of one connection carries: addresses, ports, whether the TCP timestamp
/// option was negotiated (then every segment has NOP,NOP,TS), and the window field we advertise
/// (already scaled down by our receive shift).
/// </summary>
internal sealed record TcpSegmentSpec(
    PhysicalAddress SourceMac,
    PhysicalAddress DestinationMac,
    IPAddress Source,
    IPAddress Destination,
    ushort SourcePort,
    ushort DestinationPort,
    bool Timestamps,
    ushort Window,
    byte HopLimit = TcpSegmentSpec.DefaultHopLimit)
{
    public const byte DefaultHopLimit = 64;
}

/// <summary>TCP header flags (RFC 9293 §3.1).</summary>
[Flags]
internal enum TcpFlags : byte
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
}

/// <summary>The per-segment values: sequence and acknowledgment numbers, flags, TSval and TSecr.</summary>
internal readonly record struct TcpSegmentFields(uint Sequence, uint Acknowledgment, TcpFlags Flags, uint TsVal = 0, uint TsEcr = 0);
