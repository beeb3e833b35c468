using System.Net;
using Flowgen.Packets;
using PacketDotNet;

namespace Flowgen.Tests.Unit.Packets;

public class InternetChecksumTests
{
    // RFC 1071 §3, "Numerical Examples": these bytes sum to 0xDDF2.
    private static readonly byte[] Rfc1071Example = [0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7];

    [Fact]
    public void Sum_matches_the_rfc_1071_example()
    {
        Assert.Equal(0xDDF2, InternetChecksum.Fold(InternetChecksum.Sum(Rfc1071Example)));
        Assert.Equal(0x220D, InternetChecksum.Compute(Rfc1071Example));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void Sums_chain_across_spans(int split)
    {
        ulong first = InternetChecksum.Sum(Rfc1071Example.AsSpan(0, split));
        ulong both = InternetChecksum.Sum(Rfc1071Example.AsSpan(split), first);

        Assert.Equal(0xDDF2, InternetChecksum.Fold(both));
    }

    [Fact]
    public void An_odd_final_byte_is_padded_with_zero()
    {
        // 0x0102 + 0x0300 = 0x0402, complemented.
        Assert.Equal(0xFBFD, InternetChecksum.Compute([0x01, 0x02, 0x03]));
    }

    [Fact]
    public void Carries_wrap_around()
    {
        // 0xFFFF + 0x0001 = 0x1_0000, which folds to 0x0001.
        Assert.Equal(0xFFFE, InternetChecksum.Compute([0xFF, 0xFF, 0x00, 0x01]));
    }

    [Fact]
    public void Ipv4_header_checksum_matches_packetdotnet()
    {
        var ip = new IPv4Packet(IPAddress.Parse("198.18.7.9"), IPAddress.Parse("198.19.200.1"))
        {
            TimeToLive = 17,
            Id = 0xBEEF,
            Protocol = PacketDotNet.ProtocolType.Udp,
        };
        ip.UpdateIPChecksum();
        byte[] header = ip.HeaderData.ToArray(); // HeaderData may share the packet's buffer

        Assert.Equal(0, InternetChecksum.Compute(header)); // a header with its checksum sums to 0xFFFF
        header[10] = 0;
        header[11] = 0;
        Assert.Equal(ip.Checksum, InternetChecksum.Compute(header));
    }

    [Theory]
    [InlineData("198.18.0.1", "198.19.255.254")]
    [InlineData("2001:db8::1", "2001:db8:ffff::2")]
    public void Pseudo_header_sum_takes_the_protocol_number_for_tcp(string source, string destination)
    {
        var tcp = new TcpPacket(40000, 80) { PayloadData = [1, 2, 3, 4, 5, 6, 7] };
        IPPacket ip = IPPacket.RandomPacket(source.Contains(':', StringComparison.Ordinal) ? IPVersion.IPv6 : IPVersion.IPv4);
        ip.SourceAddress = IPAddress.Parse(source);
        ip.DestinationAddress = IPAddress.Parse(destination);
        ip.PayloadPacket = tcp;
        ip.UpdateCalculatedValues();
        byte[] segment = tcp.Bytes;
        segment[16] = 0; // TCP checksum field
        segment[17] = 0;

        ulong sum = InternetChecksum.PseudoHeaderSum(ip.SourceAddress, ip.DestinationAddress, IpProtocol.Tcp, segment.Length);
        Assert.Equal(tcp.CalculateTcpChecksum(), InternetChecksum.Complement(InternetChecksum.Sum(segment, sum)));
    }

    [Fact]
    public void Pseudo_header_sum_rejects_mixed_families()
    {
        Assert.Throws<ArgumentException>(() => InternetChecksum.PseudoHeaderSum(
            IPAddress.Parse("198.18.0.1"), IPAddress.Parse("2001:db8::1"), IpProtocol.Udp, 8));
    }
}
