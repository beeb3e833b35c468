using System.Buffers.Binary;
using System.Net.Sockets;
using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

public class TcpSegmentTests
{
    private const ushort Window = 512;

    public static TheoryData<AddressFamily, bool> FamiliesAndTimestamps => new()
    {
        { AddressFamily.InterNetwork, true },
        { AddressFamily.InterNetwork, false },
        { AddressFamily.InterNetworkV6, true },
        { AddressFamily.InterNetworkV6, false },
    };

    [Theory]
    [MemberData(nameof(FamiliesAndTimestamps))]
    public void Data_template_has_the_headers_options_and_a_valid_checksum(AddressFamily family, bool timestamps)
    {
        TcpSegment template = TcpSegmentBuilder.DataTemplate(Spec(family, timestamps), 1400);
        var (ip, tcp) = Parse(template.Frame);

        Assert.Equal(4000, tcp.SourcePort);
        Assert.Equal(5201, tcp.DestinationPort);
        Assert.Equal((0u, 0u), (tcp.SequenceNumber, tcp.AcknowledgmentNumber));
        Assert.True(tcp.Acknowledgment && tcp.Push && !tcp.Synchronize && !tcp.Finished && !tcp.Reset);
        Assert.Equal(Window, tcp.WindowSize);
        Assert.Equal(timestamps ? 32 : 20, tcp.DataOffset * 4);
        Assert.Equal(1400, tcp.PayloadData.Length);
        Assert.Equal(1400, template.PayloadLength);
        Assert.True(tcp.ValidTcpChecksum);
        Assert.Equal(tcp.Checksum, template.Checksum);
        if (ip is IPv4Packet v4)
            Assert.True(v4.ValidIPChecksum);
        if (timestamps)
            Assert.Equal(new byte[] { 1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0 }, tcp.Options);
    }

    [Theory]
    [MemberData(nameof(FamiliesAndTimestamps))]
    public void Template_checksum_plus_the_written_fields_is_the_segments_checksum(AddressFamily family, bool timestamps)
    {
        TcpSegment template = TcpSegmentBuilder.DataTemplate(Spec(family, timestamps), 1448);
        foreach (var (seq, ack, tsVal, tsEcr, offset) in new (uint, uint, uint, uint, ulong)[]
                 {
                     (1, 2, 3, 4, 0), (0xFFFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFF, 1448UL * 1_000_000),
                     (0x12345678, 0x9ABCDEF0, 77, 0, ulong.MaxValue - 1447),
                 })
        {
            byte[] frame = SenderModel.Write(template, timestamps, seq, ack, tsVal, tsEcr, offset);
            var (_, tcp) = Parse(frame);

            Assert.Equal((seq, ack), (tcp.SequenceNumber, tcp.AcknowledgmentNumber));
            Assert.Equal(offset, BinaryPrimitives.ReadUInt64BigEndian(tcp.PayloadData));
            Assert.True(tcp.ValidTcpChecksum, $"bad checksum for seq {seq} ack {ack} tsval {tsVal} tsecr {tsEcr} offset {offset}");
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndTimestamps))]
    public void Fin_segment_carries_its_fields_and_no_payload(AddressFamily family, bool timestamps)
    {
        var fields = new TcpSegmentFields(1000, 2000, TcpFlags.Fin | TcpFlags.Ack, 3000, 4000);
        TcpSegment fin = TcpSegmentBuilder.Build(Spec(family, timestamps), fields, ReadOnlySpan<byte>.Empty);
        var (_, tcp) = Parse(fin.Frame);

        Assert.True(tcp.Finished && tcp.Acknowledgment && !tcp.Push);
        Assert.Equal((1000u, 2000u), (tcp.SequenceNumber, tcp.AcknowledgmentNumber));
        Assert.Empty(tcp.PayloadData ?? []);
        Assert.True(tcp.ValidTcpChecksum);
        if (timestamps)
            Assert.Equal(new byte[] { 1, 1, 8, 10, 0, 0, 0x0B, 0xB8, 0, 0, 0x0F, 0xA0 }, tcp.Options);
    }

    [Fact]
    public void Records_carry_their_stream_offset_then_i_xor_a5()
    {
        var record = new byte[1000];
        TcpStreamPattern.WriteRecord(record, 3);

        Assert.Equal(3000UL, BinaryPrimitives.ReadUInt64BigEndian(record));
        for (int i = TcpStreamPattern.HeaderLength; i < record.Length; i++)
            Assert.Equal((byte)(i ^ 0xA5), record[i]);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork, true, 1448)]
    [InlineData(AddressFamily.InterNetwork, false, 1460)]
    [InlineData(AddressFamily.InterNetworkV6, true, 1428)]
    public void Largest_record_fills_the_mtu(AddressFamily family, bool timestamps, int expected) =>
        Assert.Equal(expected, TcpSegmentBuilder.MaximumPayload(Spec(family, timestamps), 1500));

    private static TcpSegmentSpec Spec(AddressFamily family, bool timestamps) =>
        new(UdpSpecs.SourceMac, UdpSpecs.DestinationMac, UdpSpecs.Source(family), UdpSpecs.Destination(family), 4000, 5201, timestamps, Window);

    private static (IPPacket Ip, TcpPacket Tcp) Parse(byte[] frame)
    {
        var ethernet = Assert.IsType<EthernetPacket>(Packet.ParsePacket(LinkLayers.Ethernet, frame));
        var ip = Assert.IsAssignableFrom<IPPacket>(ethernet.PayloadPacket);
        return (ip, Assert.IsType<TcpPacket>(ip.PayloadPacket));
    }
}
