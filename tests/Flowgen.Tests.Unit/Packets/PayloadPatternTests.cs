using System.Net.Sockets;
using Flowgen.Packets;

namespace Flowgen.Tests.Unit.Packets;

public class PayloadPatternTests
{
    public static TheoryData<AddressFamily, int> FamiliesAndSizes()
    {
        var data = new TheoryData<AddressFamily, int>();
        foreach (AddressFamily family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            foreach (int size in UdpSpecs.WireSizes(family))
            {
                data.Add(family, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FamiliesAndSizes))]
    public void Default_payload_byte_i_is_i_modulo_256(AddressFamily family, int wireSize)
    {
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize));

        byte[] payload = PayloadAsParsed(template);
        Assert.Equal(Enumerable.Range(0, payload.Length).Select(i => (byte)i), payload);
    }

    [Theory]
    [MemberData(nameof(FamiliesAndSizes))]
    public void A_payload_pattern_is_repeated_to_fill_the_payload(AddressFamily family, int wireSize)
    {
        byte[] pattern = [0xDE, 0xAD, 0xBE, 0xEF, 0x42];
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(family, wireSize, payloadPattern: pattern));

        byte[] payload = PayloadAsParsed(template);
        Assert.Equal(Enumerable.Range(0, payload.Length).Select(i => pattern[i % pattern.Length]), payload);
    }

    [Fact]
    public void A_pattern_longer_than_the_payload_is_cut_to_fit()
    {
        byte[] pattern = Enumerable.Range(0, 100).Select(i => (byte)(255 - i)).ToArray();
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(AddressFamily.InterNetwork, 64, payloadPattern: pattern));

        Assert.Equal(pattern[..18], PayloadAsParsed(template));
    }

    [Fact]
    public void The_smallest_ipv6_frame_has_an_empty_payload()
    {
        FrameTemplate template = UdpFrameBuilder.Build(UdpSpecs.Create(AddressFamily.InterNetworkV6, 66));

        Assert.Equal(0, template.PayloadLength);
        Assert.Empty(PayloadAsParsed(template));
    }

    /// <summary>The payload PacketDotNet finds, after checking the template points at the same bytes.</summary>
    private static byte[] PayloadAsParsed(FrameTemplate template)
    {
        byte[] payload = ParsedUdpFrame.Parse(template.Frame).Udp.PayloadData ?? [];
        Assert.Equal(template.Frame.AsSpan(template.PayloadOffset, template.PayloadLength).ToArray(), payload);
        return payload;
    }
}
