using Flowgen.Contract;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// A --payload-file: the stream is its bytes repeated end to end. The sender reads them from the
/// "tcp_payload" map (bpf/flowgen.h), in overlapping chunks so that every segment's payload is
/// one contiguous range of one chunk.
/// </summary>
internal sealed class TcpPayloadFile
{
    public const int MaximumLength = BpfLayoutConstants.TcpPayloadChunk * BpfLayoutConstants.TcpPayloadChunks;

    private readonly byte[] _bytes;

    private TcpPayloadFile(byte[] bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    /// <summary>Map entries in use: chunk k starts at byte k · chunk size of the repeated file.</summary>
    public int Chunks => (Length + BpfLayoutConstants.TcpPayloadChunk - 1) / BpfLayoutConstants.TcpPayloadChunk;

    /// <exception cref="UsageException">The file can't be read, is empty or is larger than 1 MiB.</exception>
    public static TcpPayloadFile Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaximumLength)
                throw new UsageException($"--payload-file {path} has {info.Length:N0} bytes: at most {MaximumLength:N0} (1 MiB) are supported");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --payload-file {path}: {e.Message}");
        }
        if (bytes.Length == 0)
            throw new UsageException($"--payload-file {path} is empty");
        if (bytes.Length > MaximumLength)
            throw new UsageException($"--payload-file {path} has {bytes.Length:N0} bytes: at most {MaximumLength:N0} (1 MiB) are supported");
        return new TcpPayloadFile(bytes);
    }

    /// <summary>Entry <paramref name="index"/>: the repeated file from byte index · chunk size on.</summary>
    public void FillChunk(int index, Span<byte> chunk)
    {
        long start = (long)index * BpfLayoutConstants.TcpPayloadChunk;
        for (int i = 0; i < chunk.Length; i++)
            chunk[i] = _bytes[(start + i) % _bytes.Length];
    }
}
