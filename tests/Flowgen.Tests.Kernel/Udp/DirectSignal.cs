using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// Sends a signal with kill(2) from the test process, so a latency measured from here starts
/// when the signal is sent. <see cref="ChildProcess.Signal"/> runs the kill command
/// sync-over-async, and its first use in a test process took 0.6–1 s on a 2-CPU machine
/// (even with `sleep` as the target). (A candidate for TestBed/.)
/// </summary>
public static class DirectSignal
{
    public const int SigInt = LibcProcesses.SigInt;
    public const int SigTerm = LibcProcesses.SigTerm;

    public static void Send(FlowgenProcess process, int signal)
    {
        // An unlimited run can only have ended by failing; its pid must not be signalled after that.
        if (!IsRunning(process.Id) || !LibcProcesses.Signal(process.Id, signal))
            throw new InvalidOperationException($"cannot send signal {signal}: the process has exited\n{process.Describe()}");
    }

    // A reaped child's pid may belong to someone else by now; a live child still runs the command we started.
    static bool IsRunning(int pid)
    {
        try
        {
            var state = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("State:", StringComparison.Ordinal));
            return !state.Contains("zombie", StringComparison.Ordinal)
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains("flowgen", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
