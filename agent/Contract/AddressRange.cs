using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Flowgen.Contract;

/// <summary>
/// Address ranges in options: <c>ADDR</c>, <c>FIRST-LAST</c> or <c>ADDR/PREFIX</c> (every address
/// of the prefix). The generator varies the low 32 bits, so an IPv6 range stays within one /96.
/// </summary>
public static class AddressRange
{
    /// <summary>The first address and how many there are.</summary>
    public static (IPAddress First, long Count) Parse(string text, string option)
    {
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (dash < 0 && slash < 0)
            return (ValueParsers.Address(text, option), 1);
        if (slash >= 0)
            return Prefix(text, slash, option);
        IPAddress first = ValueParsers.Address(text[..dash], option);
        IPAddress last = ValueParsers.Address(text[(dash + 1)..], option);
        if (first.AddressFamily != last.AddressFamily || !SameHighBits(first, last) || Low32(last) < Low32(first))
            throw new UsageException(
                $"invalid range '{text}' for {option}: the last address must follow the first in the same family, "
                + "and an IPv6 range may differ only in its last 32 bits (e.g. 2001:db8::1-2001:db8::ff)");
        return (first, (long)Low32(last) - Low32(first) + 1);
    }

    /// <summary>The canonical text: the address, or FIRST-LAST.</summary>
    public static string Format(IPAddress first, long count) =>
        count <= 1 ? ValueFormat.Address(first) : $"{ValueFormat.Address(first)}-{ValueFormat.Address(Offset(first, count - 1))}";

    /// <summary>The address <paramref name="offset"/> after <paramref name="first"/> in its low 32 bits.</summary>
    public static IPAddress Offset(IPAddress first, long offset)
    {
        byte[] bytes = first.GetAddressBytes();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 4), (uint)(Low32(first) + offset));
        return new IPAddress(bytes);
    }

    /// <summary>The address's last 4 bytes as a number.</summary>
    public static uint Low32(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        return BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(bytes.Length - 4));
    }

    /// <summary>How many addresses from <paramref name="first"/> on stay within its low 32 bits.</summary>
    public static long RoomAfter(IPAddress first) => (long)uint.MaxValue - Low32(first) + 1;

    private static (IPAddress, long) Prefix(string text, int slash, string option)
    {
        IPAddress address = ValueParsers.Address(text[..slash], option);
        int bits = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int prefix)
            || prefix < bits - 32 || prefix > bits)
            throw new UsageException(
                $"invalid prefix '{text}' for {option}: expected /{bits - 32} to /{bits} "
                + "(the generator varies at most the last 32 bits of an address)");
        int hostBits = bits - prefix;
        uint mask = hostBits == 32 ? 0u : ~0u << hostBits;
        byte[] bytes = address.GetAddressBytes();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 4), Low32(address) & mask);
        return (new IPAddress(bytes), 1L << hostBits);
    }

    private static bool SameHighBits(IPAddress a, IPAddress b) =>
        a.GetAddressBytes().AsSpan(0, a.GetAddressBytes().Length - 4).SequenceEqual(b.GetAddressBytes().AsSpan(0, b.GetAddressBytes().Length - 4));
}
