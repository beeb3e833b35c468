using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>Process-directed calls: the parent's pid, and signals to other processes.</summary>
internal static partial class LibcProcesses
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport(Libraries.Libc, EntryPoint = "getppid")]
    private static partial int GetPpidNative();

    [LibraryImport(Libraries.Libc, EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    /// <summary>The parent's pid; it changes when the parent dies and the process is re-parented.</summary>
    public static int ParentProcessId() => GetPpidNative();

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Signal(int pid, int signal)
    {
        if (KillNative(pid, signal) == 0)
            return true;
        int errno = Marshal.GetLastPInvokeError();
        return errno == Errno.ESRCH ? false : throw new NativeException($"kill({pid}, {signal})", errno);
    }
}
