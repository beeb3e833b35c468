using System.Buffers.Binary;
using System.Net;
using PacketDotNet;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>One TCP segment as a packet socket saw it, decoded by PacketDotNet; the options by hand (RFC 9293, 7323, 2018).</summary>
public sealed record CapturedSegment(
    IPEndPoint Source,
    IPEndPoint Destination,
    uint Sequence,
    uint Acknowledgment,
    bool Syn,
    bool Ack,
    bool Fin,
    bool Rst,
    ushort Window,
    int PayloadLength,
    int? Mss,
    int? WindowScale,
    bool SackPermitted,
    uint? TsVal,
    uint? TsEcr)
{
    const byte EndOfOptions = 0;
    const byte NoOperation = 1;
    const byte MssKind = 2;
    const byte WindowScaleKind = 3;
    const byte SackPermittedKind = 4;
    const byte TimestampKind = 8;

    /// <summary>The TCP segment in an Ethernet frame, or null for anything else.</summary>
    public static CapturedSegment? Parse(byte[] frame)
    {
        if (Packet.ParsePacket(LinkLayers.Ethernet, frame) is not EthernetPacket { PayloadPacket: IPPacket ip }
            || ip.PayloadPacket is not TcpPacket tcp)
            return null;
        var options = ReadOptions(tcp.Options);
        return new CapturedSegment(
            new IPEndPoint(ip.SourceAddress, tcp.SourcePort), new IPEndPoint(ip.DestinationAddress, tcp.DestinationPort),
            tcp.SequenceNumber, tcp.AcknowledgmentNumber, tcp.Synchronize, tcp.Acknowledgment, tcp.Finished, tcp.Reset,
            tcp.WindowSize, tcp.PayloadData?.Length ?? 0,
            options.Mss, options.WindowScale, options.SackPermitted, options.TsVal, options.TsEcr);
    }

    public override string ToString() =>
        $"{Source} > {Destination} [{(Syn ? "S" : "")}{(Fin ? "F" : "")}{(Rst ? "R" : "")}{(Ack ? "." : "")}] "
        + $"seq {Sequence} ack {Acknowledgment} win {Window} len {PayloadLength}";

    static (int? Mss, int? WindowScale, bool SackPermitted, uint? TsVal, uint? TsEcr) ReadOptions(byte[] bytes)
    {
        (int? Mss, int? WindowScale, bool SackPermitted, uint? TsVal, uint? TsEcr) found = default;
        for (var at = 0; at < bytes.Length;)
        {
            var kind = bytes[at];
            if (kind == EndOfOptions)
                break;
            if (kind == NoOperation)
            {
                at++;
                continue;
            }
            var length = at + 1 < bytes.Length ? bytes[at + 1] : 0;
            if (length < 2 || at + length > bytes.Length)
                throw new InvalidDataException($"TCP option {kind} at {at} has a bad length {length}");
            var value = bytes.AsSpan(at + 2, length - 2);
            switch (kind)
            {
                case MssKind:
                    found.Mss = BinaryPrimitives.ReadUInt16BigEndian(value);
                    break;
                case WindowScaleKind:
                    found.WindowScale = value[0];
                    break;
                case SackPermittedKind:
                    found.SackPermitted = true;
                    break;
                case TimestampKind:
                    found.TsVal = BinaryPrimitives.ReadUInt32BigEndian(value);
                    found.TsEcr = BinaryPrimitives.ReadUInt32BigEndian(value[4..]);
                    break;
            }
            at += length;
        }
        return found;
    }
}
