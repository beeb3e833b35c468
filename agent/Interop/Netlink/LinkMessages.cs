using System.Net.NetworkInformation;
using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>What the kernel says about one interface (RTM_NEWLINK).</summary>
internal sealed record LinkEntry(int Index, string? Name, uint Flags, int? Mtu, PhysicalAddress? Address, int? LinkIndex)
{
    private const uint FlagUp = 0x1;       // IFF_UP: administratively up
    private const uint FlagRunning = 0x40; // IFF_RUNNING: operstate UP or UNKNOWN

    /// <summary>Up and able to pass traffic (a veth whose peer is down is not).</summary>
    public bool IsUp => (Flags & (FlagUp | FlagRunning)) == (FlagUp | FlagRunning);
}

/// <summary>RTM_GETLINK for one interface: struct ifinfomsg followed by IFLA_* attributes.</summary>
internal static class LinkMessages
{
    private const int AttributeAddress = 1; // IFLA_ADDRESS
    private const int AttributeName = 3;    // IFLA_IFNAME
    private const int AttributeMtu = 4;     // IFLA_MTU
    private const int AttributeLink = 5;    // IFLA_LINK: a veth's peer, a VLAN's parent

    [StructLayout(LayoutKind.Sequential)]
    internal struct LinkHeader
    {
        public byte Family;
        public byte Pad;
        public ushort Type;
        public int Index;
        public uint Flags;
        public uint Change;
    }

    public static NetlinkRequest GetRequest(int interfaceIndex) =>
        new NetlinkRequest(NetlinkMessageType.GetLink, 0).Append(new LinkHeader { Index = interfaceIndex });

    public static LinkEntry? Parse(NetlinkMessage message)
    {
        if (message.Type != NetlinkMessageType.NewLink || !message.TryRead(out LinkHeader header, out var attributes))
            return null;
        byte[]? address = attributes.Bytes(AttributeAddress);
        uint? link = attributes.UInt32(AttributeLink);
        return new LinkEntry(
            header.Index,
            attributes.String(AttributeName),
            header.Flags,
            (int?)attributes.UInt32(AttributeMtu),
            address is null ? null : new PhysicalAddress(address),
            link is null or 0 ? null : (int)link);
    }
}
