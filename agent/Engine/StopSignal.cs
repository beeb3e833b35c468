using System.Runtime.InteropServices;
using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// Ends a generator thread's BPF_PROG_RUN call early: a signal that has a handler makes the
/// call return EINTR between batches (KERNEL-NOTES). SIGUSR1 gets a handler that does nothing;
/// its default action would kill the process.
/// </summary>
internal static class StopSignal
{
    private const int SigUsr1 = 10;

    private static readonly Lazy<PosixSignalRegistration> Registration =
        new(() => PosixSignalRegistration.Create((PosixSignal)SigUsr1, context => context.Cancel = true));

    /// <summary>Installs the handler; call before any generator thread starts.</summary>
    public static void EnsureInstalled() => _ = Registration.Value;

    public static void Interrupt(int threadId) => LibcThreads.Signal(threadId, SigUsr1);
}
