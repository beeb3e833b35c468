using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Interop.Netlink;
using static Flowgen.Tests.Unit.Interop.NetlinkBytes;

namespace Flowgen.Tests.Unit.Interop;

public class NeighbourMessagesTests
{
    const int AfInet = 2;
    const int AfInet6 = 10;
    const int NewNeighbour = 28;
    const int NdaDst = 1;
    const int NdaLladdr = 2;
    const int NdaProbes = 4;
    static readonly byte[] SinkMac = [0x02, 0, 0, 0, 0, 0x02];

    [Fact]
    public void A_reachable_ipv4_entry_as_the_kernel_sends_it()
    {
        byte[] datagram =
        [
            0x38, 0, 0, 0, 0x1c, 0, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr: 56 bytes, RTM_NEWNEIGH, NLM_F_MULTI, seq 1
            0x02, 0, 0, 0, 0x02, 0, 0, 0, 0x02, 0, 0x00, 0x01,       // ndmsg: AF_INET, ifindex 2, NUD_REACHABLE, flags 0, RTN_UNICAST
            0x08, 0, 0x01, 0, 198, 18, 0, 2,                         // NDA_DST
            0x0a, 0, 0x02, 0, 0x02, 0, 0, 0, 0, 0x02, 0, 0,          // NDA_LLADDR: 6 bytes and 2 of padding
            0x08, 0, 0x04, 0, 0, 0, 0, 0,                            // NDA_PROBES
        ];

        var entry = NeighbourMessages.Parse(Assert.Single(NetlinkMessage.Split(datagram)));

        Assert.NotNull(entry);
        Assert.Equal(2, entry.InterfaceIndex);
        Assert.Equal(IPAddress.Parse("198.18.0.2"), entry.Destination);
        Assert.Equal(NeighbourState.Reachable, entry.State);
        Assert.Equal(new PhysicalAddress(SinkMac), entry.UsableLinkAddress);
    }

    [Fact]
    public void An_ipv6_entry_reads_its_16_byte_destination()
    {
        var entry = Parse(NeighbourHeader(AfInet6, 5, (int)NeighbourState.Stale),
            Attribute(NdaDst, IPAddress.Parse("2001:db8::2").GetAddressBytes()), Attribute(NdaLladdr, SinkMac));

        Assert.NotNull(entry);
        Assert.Equal(5, entry.InterfaceIndex);
        Assert.Equal(IPAddress.Parse("2001:db8::2"), entry.Destination);
        Assert.Equal(new PhysicalAddress(SinkMac), entry.UsableLinkAddress);
    }

    [Theory]
    [InlineData((int)NeighbourState.Reachable)]
    [InlineData((int)NeighbourState.Stale)]
    [InlineData((int)NeighbourState.Delay)]
    [InlineData((int)NeighbourState.Probe)]
    [InlineData((int)NeighbourState.Permanent)]
    [InlineData((int)NeighbourState.NoArp)]
    public void States_the_kernel_sends_to_give_the_mac(int state) =>
        Assert.NotNull(Parse(NeighbourHeader(AfInet, 2, state), Destination, Attribute(NdaLladdr, SinkMac))!.UsableLinkAddress);

    [Theory]
    [InlineData((int)NeighbourState.Incomplete)]
    [InlineData((int)NeighbourState.Failed)]
    [InlineData((int)NeighbourState.None)]
    public void Unresolved_states_give_no_mac_even_with_a_stale_lladdr(int state) =>
        Assert.Null(Parse(NeighbourHeader(AfInet, 2, state), Destination, Attribute(NdaLladdr, SinkMac))!.UsableLinkAddress);

    [Fact]
    public void An_incomplete_entry_has_no_lladdr()
    {
        var entry = Parse(NeighbourHeader(AfInet, 2, (int)NeighbourState.Incomplete), Destination, Attribute(NdaProbes, U32(1)));

        Assert.NotNull(entry);
        Assert.Null(entry.LinkAddress);
    }

    [Fact]
    public void A_noarp_entry_without_lladdr_gives_no_mac() =>
        Assert.Null(Parse(NeighbourHeader(AfInet, 1, (int)NeighbourState.NoArp), Destination)!.UsableLinkAddress);

    [Fact]
    public void Messages_of_other_types_and_truncated_ones_are_not_entries()
    {
        Assert.Null(NeighbourMessages.Parse(Assert.Single(NetlinkMessage.Split(
            Message(16, 0, 1, NeighbourHeader(AfInet, 2, 2), Destination)))));
        Assert.Null(NeighbourMessages.Parse(Assert.Single(NetlinkMessage.Split(
            Message(NewNeighbour, 0, 1, new byte[8])))));
    }

    [Fact]
    public void The_dump_request_asks_one_family_and_filters_by_ifindex()
    {
        byte[] expected = Message(30, 0x301, 42, NeighbourHeader(AfInet6, 0, 0, type: 0), Attribute(8, U32(7)));

        Assert.Equal(expected, NeighbourMessages.DumpRequest(AddressFamily.InterNetworkV6, 7).ToArray(42));
    }

    [Fact]
    public void The_use_request_is_what_ip_neigh_replace_use_sends()
    {
        // NLM_F_REQUEST | NLM_F_ACK | NLM_F_REPLACE | NLM_F_CREATE; state NUD_NONE; NTF_USE.
        byte[] expected = Message(NewNeighbour, 0x505, 3, NeighbourHeader(AfInet, 4, 0, flags: 1, type: 0),
            Attribute(NdaDst, 198, 18, 0, 2));

        Assert.Equal(expected, NeighbourMessages.UseRequest(4, IPAddress.Parse("198.18.0.2")).ToArray(3));
    }

    static byte[] Destination => Attribute(NdaDst, 198, 18, 0, 2);

    static NeighbourEntry? Parse(params byte[][] body) =>
        NeighbourMessages.Parse(Assert.Single(NetlinkMessage.Split(Message(NewNeighbour, 2, 1, body))));
}
