using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Interop.Netlink;
using static Flowgen.Tests.Unit.Interop.NetlinkBytes;

namespace Flowgen.Tests.Unit.Interop;

public class LinkAndAddressMessagesTests
{
    const int IffUp = 0x1;
    const int IffRunning = 0x40;
    const int IffBroadcast = 0x2;

    [Fact]
    public void A_link_reply_gives_name_mtu_mac_state_and_peer()
    {
        var link = ParseLink(index: 3, flags: IffUp | IffBroadcast | IffRunning,
            Attribute(3, "veth-gen\0"u8.ToArray()),
            Attribute(4, U32(1500)),
            Attribute(5, U32(9)),
            Attribute(1, 0x02, 0, 0, 0, 0, 0x01));

        Assert.NotNull(link);
        Assert.Equal(3, link.Index);
        Assert.Equal("veth-gen", link.Name);
        Assert.Equal(1500, link.Mtu);
        Assert.Equal(9, link.LinkIndex);
        Assert.Equal(PhysicalAddress.Parse("02-00-00-00-00-01"), link.Address);
        Assert.True(link.IsUp);
    }

    [Theory]
    [InlineData(IffUp)]           // up, but no carrier: a veth whose peer is down
    [InlineData(IffRunning)]
    [InlineData(0)]
    public void A_link_is_up_only_when_up_and_running(int flags) =>
        Assert.False(ParseLink(index: 3, flags)!.IsUp);

    [Fact]
    public void A_link_without_a_peer_has_no_link_index() =>
        Assert.Null(ParseLink(index: 1, IffUp, Attribute(5, U32(0)))!.LinkIndex);

    [Fact]
    public void An_ipv4_address_is_the_local_one_not_the_point_to_point_peer()
    {
        var entry = ParseAddress(family: 2, prefix: 24, index: 3,
            Attribute(1, 198, 18, 0, 9), Attribute(2, 198, 18, 0, 1));

        Assert.NotNull(entry);
        Assert.Equal(3, entry.InterfaceIndex);
        Assert.Equal(IPAddress.Parse("198.18.0.1"), entry.Address);
        Assert.Equal(24, entry.PrefixLength);
    }

    [Fact]
    public void An_ipv6_link_local_address_carries_its_interface_as_scope()
    {
        var entry = ParseAddress(family: 10, prefix: 64, index: 3, Attribute(1, IPAddress.Parse("fe80::1").GetAddressBytes()));

        Assert.NotNull(entry);
        Assert.Equal(3, entry.Address.ScopeId);
    }

    static LinkEntry? ParseLink(int index, int flags, params byte[][] attributes) =>
        LinkMessages.Parse(Assert.Single(NetlinkMessage.Split(Message(16, 0, 1,
            [Concat([0, 0], U16(1), U32(index), U32(flags), U32(0)), .. attributes]))));

    static AddressEntry? ParseAddress(int family, int prefix, int index, params byte[][] attributes) =>
        AddressMessages.Parse(Assert.Single(NetlinkMessage.Split(Message(20, 2, 1,
            [Concat([(byte)family, (byte)prefix, 0, 0], U32(index)), .. attributes]))));
}
