using System.Buffers.Binary;

namespace Flowgen.Packets;

/// <summary>
/// The default stream content, in records of R bytes (one per data segment): record k starts
/// with its stream offset k·R as a big-endian u64, and its byte i (8 ≤ i &lt; R) is i XOR 0xA5.
/// A receiver can check every byte knowing only R; a lost or misplaced segment shows at once.
/// </summary>
internal static class TcpStreamPattern
{
    /// <summary>The offset header every record starts with.</summary>
    public const int HeaderLength = 8;

    private const byte Mask = 0xA5;

    /// <summary>Writes record number <paramref name="index"/> (its length is R).</summary>
    public static void WriteRecord(Span<byte> record, long index)
    {
        FillBody(record);
        BinaryPrimitives.WriteUInt64BigEndian(record, (ulong)(index * record.Length));
    }

    /// <summary>Bytes from <see cref="HeaderLength"/> on; the header is left as it is.</summary>
    public static void FillBody(Span<byte> record)
    {
        for (int i = HeaderLength; i < record.Length; i++)
            record[i] = (byte)(i ^ Mask);
    }
}
