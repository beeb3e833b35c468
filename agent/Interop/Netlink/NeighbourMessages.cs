using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>RTM_*NEIGH requests and replies: struct ndmsg followed by NDA_* attributes.</summary>
internal static class NeighbourMessages
{
    private const ushort AttributeDestination = 1; // NDA_DST
    private const ushort AttributeLinkAddress = 2; // NDA_LLADDR
    private const ushort AttributeInterfaceIndex = 8; // NDA_IFINDEX: the dump filter
    private const byte FlagUse = 0x01; // NTF_USE: "use" the entry, which starts resolution

    [StructLayout(LayoutKind.Sequential)]
    internal struct NeighbourHeader
    {
        public byte Family;
        public byte Pad1;
        public ushort Pad2;
        public int InterfaceIndex;
        public ushort State;
        public byte Flags;
        public byte Type;
    }

    /// <summary>Dumps the table of one family; the kernel filters by interface (where it can).</summary>
    public static NetlinkRequest DumpRequest(AddressFamily family, int interfaceIndex) =>
        new NetlinkRequest(NetlinkMessageType.GetNeighbour, NetlinkFlags.Dump)
            .Append(new NeighbourHeader { Family = FamilyNumber(family) })
            .Attribute(AttributeInterfaceIndex, (uint)interfaceIndex);

    /// <summary>
    /// What `ip neigh replace ADDRESS dev IF use` sends: creates the entry if missing and makes
    /// the kernel resolve it (ARP request / neighbour solicitation) without sending any data.
    /// </summary>
    public static NetlinkRequest UseRequest(int interfaceIndex, IPAddress address) =>
        new NetlinkRequest(NetlinkMessageType.NewNeighbour, NetlinkFlags.Create | NetlinkFlags.Replace | NetlinkFlags.Ack)
            .Append(new NeighbourHeader
            {
                Family = FamilyNumber(address.AddressFamily),
                InterfaceIndex = interfaceIndex,
                State = (ushort)NeighbourState.None,
                Flags = FlagUse,
            })
            .Attribute(AttributeDestination, address.GetAddressBytes());

    /// <summary>The entry an RTM_NEWNEIGH message describes, or null for anything else.</summary>
    public static NeighbourEntry? Parse(NetlinkMessage message)
    {
        if (message.Type != NetlinkMessageType.NewNeighbour || !message.TryRead(out NeighbourHeader header, out var attributes))
            return null;
        byte[]? destination = attributes.Bytes(AttributeDestination);
        if (destination is not { Length: 4 or 16 })
            return null;
        byte[]? linkAddress = attributes.Bytes(AttributeLinkAddress);
        return new NeighbourEntry(
            header.InterfaceIndex,
            new IPAddress(destination),
            (NeighbourState)header.State,
            linkAddress is { Length: > 0 } ? new PhysicalAddress(linkAddress) : null);
    }

    internal static byte FamilyNumber(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => 2, // AF_INET
        AddressFamily.InterNetworkV6 => 10, // AF_INET6
        _ => throw new ArgumentException($"neighbour tables exist for IPv4 and IPv6, not {family}", nameof(family)),
    };
}
