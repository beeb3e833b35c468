namespace Flowgen.Tests.Unit.Interop;

/// <summary>Builds netlink bytes by hand, field by field, in host (little-endian) order.</summary>
internal static class NetlinkBytes
{
    public static byte[] U16(int value) => BitConverter.GetBytes((ushort)value);

    public static byte[] U32(long value) => BitConverter.GetBytes((uint)value);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>nlmsghdr (length, type, flags, sequence, port id) then the body.</summary>
    public static byte[] Message(int type, int flags, int sequence, params byte[][] body)
    {
        byte[] payload = Concat(body);
        return Concat(U32(16 + payload.Length), U16(type), U16(flags), U32(sequence), U32(0), payload);
    }

    /// <summary>nlattr (length without padding, type), the value, zeros up to a multiple of 4.</summary>
    public static byte[] Attribute(int type, params byte[] value) =>
        Concat(U16(4 + value.Length), U16(type), value, new byte[(4 - value.Length % 4) % 4]);

    /// <summary>struct ndmsg: family, 3 pad bytes, ifindex, state, flags, type.</summary>
    public static byte[] NeighbourHeader(int family, int ifindex, int state, int flags = 0, int type = 1) =>
        Concat([(byte)family, 0, 0, 0], U32(ifindex), U16(state), [(byte)flags, (byte)type]);
}
