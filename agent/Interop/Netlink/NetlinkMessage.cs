using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>One message of a netlink datagram: its header fields and what follows struct nlmsghdr.</summary>
internal readonly record struct NetlinkMessage(ushort Type, ushort Flags, uint Sequence, ReadOnlyMemory<byte> Payload)
{
    private static readonly int HeaderSize = Marshal.SizeOf<NetlinkHeader>();

    /// <summary>Splits a received datagram into its messages.</summary>
    public static List<NetlinkMessage> Split(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        int offset = 0;
        while (datagram.Length - offset >= HeaderSize)
        {
            var header = MemoryMarshal.Read<NetlinkHeader>(datagram.Span[offset..]);
            int rest = datagram.Length - offset;
            if (header.Length < HeaderSize || header.Length > rest)
                throw new InvalidDataException($"malformed netlink message (type {header.Type}, length {header.Length}, {rest} bytes left)");
            var payload = datagram.Slice(offset + HeaderSize, (int)header.Length - HeaderSize);
            messages.Add(new NetlinkMessage(header.Type, header.Flags, header.Sequence, payload));
            offset += Math.Min(NetlinkProtocol.Align((int)header.Length), rest);
        }
        return messages;
    }

    /// <summary>What NLMSG_ERROR and NLMSG_DONE carry: 0, or a negative errno.</summary>
    public int Status => Payload.Length >= sizeof(int) ? MemoryMarshal.Read<int>(Payload.Span) : 0;

    /// <summary>
    /// Reads the family header (ndmsg, ifinfomsg, …) that starts the payload and the attributes
    /// after it; false when the payload is too short to hold the header.
    /// </summary>
    public bool TryRead<T>(out T header, out Dictionary<int, ReadOnlyMemory<byte>> attributes)
        where T : unmanaged
    {
        int size = Marshal.SizeOf<T>();
        if (Payload.Length < size)
        {
            header = default;
            attributes = [];
            return false;
        }
        header = MemoryMarshal.Read<T>(Payload.Span);
        int start = Math.Min(NetlinkProtocol.Align(size), Payload.Length);
        attributes = NetlinkAttributes.Parse(Payload[start..]);
        return true;
    }
}
