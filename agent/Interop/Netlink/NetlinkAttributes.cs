using System.Runtime.InteropServices;
using System.Text;

namespace Flowgen.Interop.Netlink;

/// <summary>Reads a run of netlink attributes (struct nlattr + value, each padded to 4 bytes).</summary>
internal static class NetlinkAttributes
{
    private const ushort TypeMask = 0x3fff; // drops NLA_F_NESTED and NLA_F_NET_BYTEORDER

    /// <summary>The attributes by type; the values exclude header and padding.</summary>
    public static Dictionary<int, ReadOnlyMemory<byte>> Parse(ReadOnlyMemory<byte> data)
    {
        var attributes = new Dictionary<int, ReadOnlyMemory<byte>>();
        int offset = 0;
        while (data.Length - offset >= NetlinkProtocol.AttributeHeaderSize)
        {
            ReadOnlySpan<byte> rest = data.Span[offset..];
            int length = MemoryMarshal.Read<ushort>(rest);
            int type = MemoryMarshal.Read<ushort>(rest[2..]) & TypeMask;
            if (length < NetlinkProtocol.AttributeHeaderSize || length > rest.Length)
                throw new InvalidDataException($"malformed netlink attribute (type {type}, length {length}, {rest.Length} bytes left)");
            attributes[type] = data.Slice(offset + NetlinkProtocol.AttributeHeaderSize, length - NetlinkProtocol.AttributeHeaderSize);
            offset += Math.Min(NetlinkProtocol.Align(length), rest.Length);
        }
        return attributes;
    }

    public static uint? UInt32(this Dictionary<int, ReadOnlyMemory<byte>> attributes, int type) =>
        attributes.TryGetValue(type, out var value) && value.Length >= sizeof(uint) ? MemoryMarshal.Read<uint>(value.Span) : null;

    public static byte? Byte(this Dictionary<int, ReadOnlyMemory<byte>> attributes, int type) =>
        attributes.TryGetValue(type, out var value) && value.Length >= 1 ? value.Span[0] : null;

    public static byte[]? Bytes(this Dictionary<int, ReadOnlyMemory<byte>> attributes, int type) =>
        attributes.TryGetValue(type, out var value) ? value.ToArray() : null;

    /// <summary>A NUL-terminated string attribute.</summary>
    public static string? String(this Dictionary<int, ReadOnlyMemory<byte>> attributes, int type)
    {
        if (!attributes.TryGetValue(type, out var value))
            return null;
        ReadOnlySpan<byte> text = value.Span;
        int end = text.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? text : text[..end]);
    }
}
