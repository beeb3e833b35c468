namespace Flowgen.Engine;

/// <summary>How the runner drives BPF_PROG_RUN.</summary>
/// <param name="Cpus">One generator thread per entry, pinned to that CPU (distinct CPUs).</param>
/// <param name="BatchSize">Frames per page-pool batch (1–256).</param>
/// <param name="FrameLimit">Frames to SEND across all threads; what the driver drops is topped up. Null: no limit.</param>
/// <param name="Duration">Stop after this long. Null: no limit.</param>
/// <param name="FramesPerCall">Frames per BPF_PROG_RUN call (a call is stopped early by a signal).</param>
/// <param name="Rate">Pace the program to this rate (all threads together). Null: as fast as it goes.</param>
internal sealed record RunnerSettings(
    IReadOnlyList<int> Cpus,
    int BatchSize,
    long? FrameLimit,
    TimeSpan? Duration,
    int FramesPerCall = RunnerSettings.DefaultFramesPerCall,
    Contract.SendRate? Rate = null)
{
    /// <summary>
    /// Every call ends with a ~28 ms page-pool teardown stall (KERNEL-NOTES, "The cost of one
    /// call"), so calls are long: 2^24 frames is seconds of work, making the stall ~1%.
    /// Calls end early by signal, so length costs no responsiveness.
    /// </summary>
    public const int DefaultFramesPerCall = 1 << 24;

    /// <summary>
    /// Each thread's first call is short, so an interface that refuses every frame is
    /// reported at once instead of after a long call.
    /// </summary>
    public const int FirstCallFrames = 256;
}
