using System.Buffers.Binary;
using Flowgen.Packets;

namespace Flowgen.Tests.Unit.Packets;

/// <summary>
/// What xdp_tcp_send (bpf/tcp.bpf.c) writes into a copy of the data template, with its checksum
/// arithmetic: the template's checksum (dynamic fields zero) plus the 16-bit words written.
/// </summary>
internal static class SenderModel
{
    public static byte[] Write(TcpSegment template, bool timestamps, uint seq, uint ack, uint tsVal, uint tsEcr, ulong offset)
    {
        byte[] frame = (byte[])template.Frame.Clone();
        Span<byte> tcp = frame.AsSpan(template.TcpOffset);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[TcpHeaderWriter.SequenceOffset..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[TcpHeaderWriter.AcknowledgmentOffset..], ack);
        BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(template.PayloadOffset), offset);
        ulong sum = (ushort)~template.Checksum;
        sum += Words(seq) + Words(ack) + Words((uint)(offset >> 32)) + Words((uint)offset);
        if (timestamps)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tcp[TcpHeaderWriter.TsValOffset..], tsVal);
            BinaryPrimitives.WriteUInt32BigEndian(tcp[(TcpHeaderWriter.TsValOffset + 4)..], tsEcr);
            sum += Words(tsVal) + Words(tsEcr);
        }
        BinaryPrimitives.WriteUInt16BigEndian(tcp[TcpHeaderWriter.ChecksumOffset..], InternetChecksum.Complement(sum));
        return frame;
    }

    private static ulong Words(uint value) => (value >> 16) + (value & 0xFFFF);
}
