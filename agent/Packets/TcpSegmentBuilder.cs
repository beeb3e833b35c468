using System.Net.Sockets;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>
/// A built TCP frame and where its parts are. For a data template the dynamic fields (sequence,
/// acknowledgment, TSval, TSecr and the record's offset header) are zero, so the sender's
/// checksum is <see cref="Checksum"/> plus the sum of the values it writes.
/// </summary>
internal sealed record TcpSegment(byte[] Frame, AddressFamily Family, int TcpOffset, int PayloadOffset, ushort Checksum)
{
    public int PayloadLength => Frame.Length - PayloadOffset;
}

/// <summary>Builds Ethernet II + IPv4/IPv6 + TCP frames.</summary>
internal static class TcpSegmentBuilder
{
    /// <summary>The largest payload (the record size R) a frame of this spec may carry on an interface with this MTU.</summary>
    public static int MaximumPayload(TcpSegmentSpec spec, int mtu) =>
        mtu - FrameSizes.IpHeader(spec.Source.AddressFamily) - TcpHeaderWriter.HeaderLength(spec.Timestamps);

    /// <summary>
    /// The template of the data segments: ACK|PSH, <paramref name="recordSize"/> payload bytes of
    /// the stream pattern with a zero offset header, every dynamic field zero.
    /// </summary>
    public static TcpSegment DataTemplate(TcpSegmentSpec spec, int recordSize)
    {
        if (recordSize < TcpStreamPattern.HeaderLength)
            throw new ArgumentOutOfRangeException(nameof(recordSize), recordSize, $"a record holds at least its {TcpStreamPattern.HeaderLength}-byte offset");
        var payload = new byte[recordSize];
        TcpStreamPattern.FillBody(payload);
        return Build(spec, new TcpSegmentFields(0, 0, TcpFlags.Ack | TcpFlags.Psh), payload);
    }

    /// <summary>
    /// The template of segments that carry a --payload-file: ACK|PSH and <paramref name="recordSize"/>
    /// zero bytes, every dynamic field zero; the sender writes the file's bytes and adds their sum.
    /// </summary>
    public static TcpSegment FileTemplate(TcpSegmentSpec spec, int recordSize) =>
        Build(spec, new TcpSegmentFields(0, 0, TcpFlags.Ack | TcpFlags.Psh), new byte[recordSize]);

    public static TcpSegment Build(TcpSegmentSpec spec, TcpSegmentFields fields, ReadOnlySpan<byte> payload)
    {
        AddressFamily family = spec.Source.AddressFamily;
        if (family != spec.Destination.AddressFamily)
            throw new ArgumentException($"source {spec.Source} and destination {spec.Destination} are in different address families", nameof(spec));
        bool v4 = family == AddressFamily.InterNetwork;
        int ipOffset = FrameSizes.EthernetHeader;
        int tcpOffset = ipOffset + FrameSizes.IpHeader(family);
        int payloadOffset = tcpOffset + TcpHeaderWriter.HeaderLength(spec.Timestamps);
        var frame = new byte[payloadOffset + payload.Length];

        EthernetHeaderWriter.Write(frame, spec.DestinationMac, spec.SourceMac, v4 ? EtherType.Ipv4 : EtherType.Ipv6);
        Span<byte> ipHeader = frame.AsSpan(ipOffset, tcpOffset - ipOffset);
        int tcpLength = frame.Length - tcpOffset;
        if (v4)
            Ipv4HeaderWriter.Write(ipHeader, spec.Source, spec.Destination, spec.HopLimit, IpProtocol.Tcp, tcpLength);
        else
            Ipv6HeaderWriter.Write(ipHeader, spec.Source, spec.Destination, spec.HopLimit, IpProtocol.Tcp, tcpLength);

        payload.CopyTo(frame.AsSpan(payloadOffset));
        ushort checksum = TcpHeaderWriter.Write(frame.AsSpan(tcpOffset), spec, fields);
        return new TcpSegment(frame, family, tcpOffset, payloadOffset, checksum);
    }
}
