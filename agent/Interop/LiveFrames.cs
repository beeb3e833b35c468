using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>
/// BPF_PROG_RUN in live-frames mode: the kernel runs an XDP program <c>repeat</c> times on
/// copies of one frame, and frames the program redirects really leave through the target.
/// See KERNEL-NOTES.md, "BPF_PROG_RUN rules in live mode".
/// </summary>
internal static unsafe class LiveFrames
{
    private const uint LiveFramesFlag = 1u << 1; // BPF_F_TEST_XDP_LIVE_FRAMES

    /// <summary>The most frames one page-pool batch may hold (TEST_XDP_MAX_BATCH).</summary>
    public const int MaxBatchSize = 256;

    /// <summary>The kernel reads repeat as u32, libbpf passes an int.</summary>
    public const int MaxRepeat = int.MaxValue;

    /// <summary>
    /// Runs <paramref name="programFd"/> <paramref name="repeat"/> times over
    /// <paramref name="frame"/>. Returns 0, or the errno: EINTR when a signal interrupted
    /// the call between batches (what was sent is only known to the program's counters).
    /// </summary>
    public static int Run(int programFd, ReadOnlySpan<byte> frame, int repeat, int batchSize)
    {
        fixed (byte* data = frame)
        {
            var options = new Libbpf.TestRunOptions
            {
                Size = (nuint)sizeof(Libbpf.TestRunOptions),
                DataIn = data,
                DataSizeIn = (uint)frame.Length,
                Repeat = repeat,
                Flags = LiveFramesFlag,
                BatchSize = (uint)batchSize,
            };
            return Libbpf.ProgTestRunOpts(programFd, &options) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }
}
