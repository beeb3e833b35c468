using System.Buffers;
using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>Builds one request: nlmsghdr, the family header, then attributes, each 4-byte aligned.</summary>
internal sealed class NetlinkRequest
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public NetlinkRequest(ushort type, ushort flags)
    {
        Append(new NetlinkHeader { Type = type, Flags = (ushort)(flags | NetlinkFlags.Request) });
    }

    public NetlinkRequest Append<T>(T header) where T : unmanaged
    {
        int size = Marshal.SizeOf<T>();
        Span<byte> target = _buffer.GetSpan(NetlinkProtocol.Align(size))[..NetlinkProtocol.Align(size)];
        target.Clear();
        MemoryMarshal.Write(target, in header);
        _buffer.Advance(target.Length);
        return this;
    }

    public NetlinkRequest Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        int length = NetlinkProtocol.AttributeHeaderSize + value.Length;
        Span<byte> target = _buffer.GetSpan(NetlinkProtocol.Align(length))[..NetlinkProtocol.Align(length)];
        target.Clear();
        MemoryMarshal.Write(target, (ushort)length);
        MemoryMarshal.Write(target[2..], type);
        value.CopyTo(target[NetlinkProtocol.AttributeHeaderSize..]);
        _buffer.Advance(target.Length);
        return this;
    }

    public NetlinkRequest Attribute(ushort type, uint value) =>
        Attribute(type, MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in value)));

    /// <summary>The finished message, stamped with its length and sequence number.</summary>
    public byte[] ToArray(uint sequence)
    {
        byte[] message = _buffer.WrittenSpan.ToArray();
        ref NetlinkHeader header = ref MemoryMarshal.AsRef<NetlinkHeader>(message.AsSpan());
        header.Length = (uint)message.Length;
        header.Sequence = sequence;
        return message;
    }
}
