using System.Net;
using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>An address assigned to an interface (RTM_NEWADDR).</summary>
internal sealed record AddressEntry(int InterfaceIndex, IPAddress Address, int PrefixLength);

/// <summary>RTM_GETADDR dumps: struct ifaddrmsg followed by IFA_* attributes.</summary>
internal static class AddressMessages
{
    private const int AttributeAddress = 1; // IFA_ADDRESS: on point-to-point links, the peer's
    private const int AttributeLocal = 2;   // IFA_LOCAL: this side's address, when it differs

    [StructLayout(LayoutKind.Sequential)]
    internal struct AddressHeader
    {
        public byte Family;
        public byte PrefixLength;
        public byte Flags;
        public byte Scope;
        public int Index;
    }

    /// <summary>All addresses of all interfaces, IPv4 and IPv6 (old kernels ignore a per-interface filter).</summary>
    public static NetlinkRequest DumpRequest() =>
        new NetlinkRequest(NetlinkMessageType.GetAddress, NetlinkFlags.Dump).Append(new AddressHeader());

    public static AddressEntry? Parse(NetlinkMessage message)
    {
        if (message.Type != NetlinkMessageType.NewAddress || !message.TryRead(out AddressHeader header, out var attributes))
            return null;
        byte[]? bytes = attributes.Bytes(AttributeLocal) ?? attributes.Bytes(AttributeAddress);
        if (bytes is not { Length: 4 or 16 })
            return null;
        var address = new IPAddress(bytes);
        if (address.IsIPv6LinkLocal)
            address.ScopeId = header.Index;
        return new AddressEntry(header.Index, address, header.PrefixLength);
    }
}
