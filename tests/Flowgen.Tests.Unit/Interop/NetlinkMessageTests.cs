using Flowgen.Interop.Netlink;
using static Flowgen.Tests.Unit.Interop.NetlinkBytes;

namespace Flowgen.Tests.Unit.Interop;

public class NetlinkMessageTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(10, 12)]
    [InlineData(12, 12)]
    public void Align_rounds_up_to_four_bytes(int length, int aligned) =>
        Assert.Equal(aligned, NetlinkProtocol.Align(length));

    [Fact]
    public void Split_finds_each_message_of_a_datagram_past_its_padding()
    {
        // The first message is 21 bytes long: the next starts 3 padding bytes later, at 24.
        byte[] datagram = Concat(Message(28, 2, 7, [1, 2, 3, 4, 5]), [0, 0, 0], Message(3, 2, 7, U32(0)));

        var messages = NetlinkMessage.Split(datagram);

        Assert.Equal(2, messages.Count);
        Assert.Equal((ushort)28, messages[0].Type);
        Assert.Equal(7u, messages[0].Sequence);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, messages[0].Payload.ToArray());
        Assert.Equal((ushort)3, messages[1].Type);
        Assert.Equal(0, messages[1].Status);
    }

    [Fact]
    public void Status_of_an_error_message_is_the_negative_errno()
    {
        byte[] datagram = Message(2, 0, 1, U32(-1), new byte[16]); // -EPERM, then the request's header

        Assert.Equal(-1, Assert.Single(NetlinkMessage.Split(datagram)).Status);
    }

    [Fact]
    public void Split_rejects_a_message_longer_than_the_datagram()
    {
        byte[] datagram = Message(28, 0, 1, new byte[8]);
        datagram[0] = 64;

        Assert.Throws<InvalidDataException>(() => NetlinkMessage.Split(datagram));
    }

    [Fact]
    public void Attributes_are_found_past_the_padding_of_odd_lengths()
    {
        byte[] run = Concat(Attribute(3, "veth-gen\0"u8.ToArray()), Attribute(4, U32(1500)), Attribute(0x8000 | 5, U32(9)));

        var attributes = NetlinkAttributes.Parse(run);

        Assert.Equal("veth-gen", attributes.String(3));
        Assert.Equal(1500u, attributes.UInt32(4));
        Assert.Equal(9u, attributes.UInt32(5)); // NLA_F_NESTED is not part of the type
    }

    [Fact]
    public void An_attribute_longer_than_the_run_is_rejected()
    {
        byte[] run = Concat(U16(12), U16(1), U32(0));

        Assert.Throws<InvalidDataException>(() => NetlinkAttributes.Parse(run));
    }
}
