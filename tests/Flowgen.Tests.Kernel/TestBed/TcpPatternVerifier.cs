using System.Buffers.Binary;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Checks a stream against Flowgen's default TCP payload, written here from its definition and not
/// from the product's code: the stream is records of R bytes (R = the sender's MSS); record k starts
/// at offset k·R with the big-endian u64 k·R, and its byte i (8 ≤ i &lt; R) is (byte)(i ^ 0xA5).
/// R is given, or inferred from the stream: record 0 starts with eight zero bytes and record 1, at
/// offset R, with the u64 R, which the pattern bytes before it cannot imitate (they hold no two zeros
/// in a row).
/// </summary>
public sealed class TcpPatternVerifier : IStreamVerifier
{
    public const int HeaderLength = sizeof(ulong);
    public const byte Mask = 0xA5;

    /// <summary>Largest R inferred: a 64 KiB segment (more than any MSS); past it the stream counts as one record.</summary>
    public const int MaxInferredRecord = 65536;

    readonly byte[] _prefix = new byte[MaxInferredRecord + HeaderLength];
    int _prefixLength;
    long _recordStart;
    long _position;
    bool _inferring;

    /// <param name="recordSize">R, or null to infer it from the stream.</param>
    public TcpPatternVerifier(int? recordSize = null)
    {
        if (recordSize is < HeaderLength + 1)
            throw new ArgumentOutOfRangeException(nameof(recordSize), recordSize, $"a record holds at least {HeaderLength + 1} bytes");
        RecordSize = recordSize;
        _inferring = recordSize is null;
    }

    /// <summary>R as given or inferred; null while (or when) the stream does not show it.</summary>
    public int? RecordSize { get; private set; }

    public long BytesSeen { get; private set; }
    public long? FirstMismatchOffset { get; private set; }

    /// <summary>The expected byte at <paramref name="offset"/> for records of <paramref name="recordSize"/> bytes.</summary>
    public static byte Expected(long offset, long recordSize)
    {
        var index = offset % recordSize;
        if (index >= HeaderLength)
            return (byte)(index ^ Mask);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt64BigEndian(header, (ulong)(offset - index));
        return header[(int)index];
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        BytesSeen += bytes.Length;
        if (_inferring)
        {
            var taken = Math.Min(bytes.Length, _prefix.Length - _prefixLength);
            bytes[..taken].CopyTo(_prefix.AsSpan(_prefixLength));
            _prefixLength += taken;
            bytes = bytes[taken..];
            var inferred = InferFromPrefix();
            // A prefix not yet full took all the bytes: nothing is left to check until R shows.
            if (inferred is null && _prefixLength < _prefix.Length)
                return;
            Settle(inferred);
        }
        Check(bytes);
    }

    public void Finish()
    {
        if (_inferring)
            Settle(InferFromPrefix());
    }

    /// <summary>R from the held-back prefix, if record 1's header shows in it.</summary>
    int? InferFromPrefix()
    {
        for (var start = HeaderLength + 1; start + HeaderLength <= _prefixLength; start++)
        {
            if (BinaryPrimitives.ReadUInt64BigEndian(_prefix.AsSpan(start)) == (ulong)start)
                return start;
        }
        return null;
    }

    /// <summary>Stops inferring: with R known, or else as one record as long as the stream; then checks the prefix.</summary>
    void Settle(int? recordSize)
    {
        _inferring = false;
        RecordSize = recordSize;
        Check(_prefix.AsSpan(0, _prefixLength));
    }

    void Check(ReadOnlySpan<byte> bytes)
    {
        if (FirstMismatchOffset is not null)
            return;
        long recordSize = RecordSize ?? long.MaxValue;
        for (var i = 0; i < bytes.Length; i++, _position++)
        {
            var index = _position - _recordStart;
            if (index == recordSize)
            {
                _recordStart = _position;
                index = 0;
            }
            var expected = index >= HeaderLength ? (byte)(index ^ Mask) : Expected(_position, recordSize);
            if (bytes[i] != expected)
            {
                FirstMismatchOffset = _position;
                return;
            }
        }
    }
}
