using System.Buffers.Binary;
using System.Net;

namespace Flowgen.Packets;

/// <summary>Writes a TCP header (with NOP,NOP,TS when timestamps are on) in front of a payload already in place, with its checksum.</summary>
internal static class TcpHeaderWriter
{
    public const int BaseHeader = 20;

    /// <summary>NOP, NOP, kind 8, length 10, TSval, TSecr (RFC 7323 appendix A layout).</summary>
    public const int TimestampOption = 12;

    public const int SequenceOffset = 4;
    public const int AcknowledgmentOffset = 8;
    public const int ChecksumOffset = 16;

    /// <summary>TSval's offset in the header when timestamps are on; TSecr follows.</summary>
    public const int TsValOffset = BaseHeader + 4;

    private const byte OptionNop = 1;
    private const byte OptionTimestamp = 8;
    private const byte OptionTimestampLength = 10;

    public static int HeaderLength(bool timestamps) => BaseHeader + (timestamps ? TimestampOption : 0);

    /// <summary>Writes the header at the start of <paramref name="segment"/> (header and payload); returns the checksum as written.</summary>
    public static ushort Write(Span<byte> segment, TcpSegmentSpec spec, TcpSegmentFields fields)
    {
        int headerLength = HeaderLength(spec.Timestamps);
        BinaryPrimitives.WriteUInt16BigEndian(segment, spec.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment[2..], spec.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(segment[SequenceOffset..], fields.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(segment[AcknowledgmentOffset..], fields.Acknowledgment);
        segment[12] = (byte)(headerLength / 4 << 4);
        segment[13] = (byte)fields.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment[14..], spec.Window);
        BinaryPrimitives.WriteUInt16BigEndian(segment[ChecksumOffset..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(segment[18..], 0); // urgent pointer
        if (spec.Timestamps)
        {
            segment[20] = OptionNop;
            segment[21] = OptionNop;
            segment[22] = OptionTimestamp;
            segment[23] = OptionTimestampLength;
            BinaryPrimitives.WriteUInt32BigEndian(segment[TsValOffset..], fields.TsVal);
            BinaryPrimitives.WriteUInt32BigEndian(segment[(TsValOffset + 4)..], fields.TsEcr);
        }

        ulong sum = InternetChecksum.PseudoHeaderSum(spec.Source, spec.Destination, IpProtocol.Tcp, segment.Length);
        ushort checksum = InternetChecksum.Complement(InternetChecksum.Sum(segment, sum));
        BinaryPrimitives.WriteUInt16BigEndian(segment[ChecksumOffset..], checksum);
        return checksum;
    }
}
