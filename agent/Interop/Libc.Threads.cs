using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>Thread identity, CPU affinity and thread-directed signals.</summary>
internal static partial class LibcThreads
{
    [LibraryImport(Libraries.Libc, EntryPoint = "gettid")]
    private static partial int GetTidNative();

    [LibraryImport(Libraries.Libc, EntryPoint = "getpid")]
    private static partial int GetPidNative();

    [LibraryImport(Libraries.Libc, EntryPoint = "tgkill", SetLastError = true)]
    private static partial int TgKill(int tgid, int tid, int signal);

    [LibraryImport(Libraries.Libc, EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static unsafe partial int SchedSetAffinity(int pid, nuint size, ulong* mask);

    /// <summary>The kernel thread id of the calling thread.</summary>
    public static int CurrentThreadId() => GetTidNative();

    public static int ProcessId() => GetPidNative();

    /// <summary>Sends <paramref name="signal"/> to one thread of this process.</summary>
    public static void Signal(int tid, int signal)
    {
        if (TgKill(GetPidNative(), tid, signal) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.ESRCH) // the thread has already ended: nothing to interrupt
                throw new NativeException($"tgkill({tid}, {signal})", errno);
        }
    }

    /// <summary>Pins the calling thread to one CPU.</summary>
    public static unsafe void PinCurrentThread(int cpu)
    {
        const int MaskWords = 16; // 1024 CPUs, the kernel's default cpumask size
        if (cpu < 0 || cpu >= MaskWords * 64)
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, "CPU number out of range");
        ulong* mask = stackalloc ulong[MaskWords];
        new Span<ulong>(mask, MaskWords).Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        if (SchedSetAffinity(0, (nuint)(MaskWords * sizeof(ulong)), mask) != 0)
            throw new NativeException($"pinning a generator thread to CPU {cpu}", Marshal.GetLastPInvokeError());
    }
}
