namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Checks a byte stream as it arrives, without keeping it: only the first wrong offset is remembered.</summary>
public interface IStreamVerifier
{
    /// <summary>The next bytes of the stream, in order.</summary>
    void Append(ReadOnlySpan<byte> bytes);

    /// <summary>Call once the stream has ended; checks what was held back.</summary>
    void Finish();

    long BytesSeen { get; }

    /// <summary>The stream offset of the first byte that differs from what was expected, or null.</summary>
    long? FirstMismatchOffset { get; }
}
