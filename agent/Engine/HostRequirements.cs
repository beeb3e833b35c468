using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>What the host must offer before anything is loaded: privileges and live frames.</summary>
internal static class HostRequirements
{
    /// <summary>
    /// Overrides the kernel release the feature check sees (e.g. "5.15.0"), so the "kernel
    /// without live frames" path can be tested on a kernel that has them.
    /// </summary>
    public const string KernelReleaseOverride = "FLOWGEN_KERNEL_RELEASE";

    /// <summary>BPF_F_TEST_XDP_LIVE_FRAMES arrived in Linux 5.18.</summary>
    private static readonly KernelVersion LiveFramesSince = new(5, 18);

    public static void EnsurePrivileged()
    {
        if (Privileges.CanUseBpf)
            return;
        throw new EnvironmentException(
            "flowgen needs root, or the capabilities CAP_BPF, CAP_PERFMON and CAP_NET_ADMIN " +
            $"(missing: {string.Join(", ", Privileges.MissingCapabilities())}): run it with sudo");
    }

    public static void EnsureLiveFrames()
    {
        string? overridden = Environment.GetEnvironmentVariable(KernelReleaseOverride);
        KernelVersion kernel = string.IsNullOrEmpty(overridden) ? KernelVersion.Current() : KernelVersion.Parse(overridden);
        if (kernel < LiveFramesSince)
            throw TooOld(kernel.ToString());

        int errno = RunOneDroppedFrame();
        if (errno == Errno.EINVAL)
            throw TooOld(kernel.ToString());
        if (errno != 0)
            throw new EnvironmentException($"the live-frames check failed: {Errno.Describe(errno)}");
    }

    private static EnvironmentException TooOld(string kernel) => new(
        $"this kernel ({kernel}) has no XDP live-frames mode (BPF_F_TEST_XDP_LIVE_FRAMES): " +
        "flowgen needs Linux 5.18 or newer");

    /// <summary>A live-frames run of a program that drops its one frame: sends nothing.</summary>
    private static int RunOneDroppedFrame()
    {
        using var program = GeneratorProgram.Load(GeneratorProgramKind.DropAll, default);
        return LiveFrames.Run(program.Xdp.Fd, new byte[Contract.FrameSizes.EthernetHeader], repeat: 1, batchSize: 1);
    }
}
