using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>Numbers and the message header from linux/netlink.h and linux/rtnetlink.h.</summary>
internal static class NetlinkProtocol
{
    public const int Route = 0; // NETLINK_ROUTE

    /// <summary>NLMSG_ALIGNTO and NLA_ALIGNTO: messages and attributes start on 4-byte boundaries.</summary>
    public const int Alignment = 4;

    public const int AttributeHeaderSize = 4; // struct nlattr

    public static int Align(int length) => (length + Alignment - 1) & ~(Alignment - 1);
}

/// <summary>nlmsg_type values.</summary>
internal static class NetlinkMessageType
{
    public const ushort Error = 2;
    public const ushort Done = 3;
    public const ushort NewLink = 16;
    public const ushort GetLink = 18;
    public const ushort NewAddress = 20;
    public const ushort GetAddress = 22;
    public const ushort NewNeighbour = 28;
    public const ushort GetNeighbour = 30;
}

/// <summary>nlmsg_flags values.</summary>
internal static class NetlinkFlags
{
    public const ushort Request = 0x1;
    public const ushort Multi = 0x2;
    public const ushort Ack = 0x4;
    public const ushort Dump = 0x300;    // NLM_F_ROOT | NLM_F_MATCH
    public const ushort Replace = 0x100; // the same bits mean other things on NEW requests
    public const ushort Create = 0x400;
}

/// <summary>struct nlmsghdr (16 bytes, host byte order).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NetlinkHeader
{
    public uint Length;
    public ushort Type;
    public ushort Flags;
    public uint Sequence;
    public uint PortId;
}
