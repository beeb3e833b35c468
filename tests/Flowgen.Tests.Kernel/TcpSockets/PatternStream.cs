using System.Buffers.Binary;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>Synthetic streams in the TCP payload pattern, built record by record straight from its definition.</summary>
public static class PatternStream
{
    /// <summary>The first <paramref name="length"/> bytes of the pattern with records of <paramref name="recordSize"/> bytes.</summary>
    public static byte[] Bytes(int length, int recordSize)
    {
        var stream = new byte[length];
        for (var start = 0; start < length; start += recordSize)
        {
            var record = new byte[recordSize];
            BinaryPrimitives.WriteUInt64BigEndian(record, (ulong)start);
            for (var i = 8; i < recordSize; i++)
                record[i] = (byte)(i ^ 0xA5);
            record.AsSpan(0, Math.Min(recordSize, length - start)).CopyTo(stream.AsSpan(start));
        }
        return stream;
    }
}
