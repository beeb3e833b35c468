namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Checks a stream made of one block of bytes (a --payload-file) repeated end to end.</summary>
public sealed class RepeatedBytesVerifier(ReadOnlyMemory<byte> block) : IStreamVerifier
{
    readonly ReadOnlyMemory<byte> _block = block.Length > 0 ? block : throw new ArgumentException("the block is empty", nameof(block));

    public long BytesSeen { get; private set; }
    public long? FirstMismatchOffset { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length && FirstMismatchOffset is null; i++)
        {
            var offset = BytesSeen + i;
            if (bytes[i] != _block.Span[(int)(offset % _block.Length)])
                FirstMismatchOffset = offset;
        }
        BytesSeen += bytes.Length;
    }

    public void Finish()
    {
    }
}
