using System.Runtime.InteropServices;
using Flowgen.Interop;

namespace Flowgen.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation, so a run stops promptly and still prints its
/// summary. With FLOWGEN_EXIT_WITH_PARENT=1 (set by `flowgen demo` for its children) the
/// process also stops when its parent dies, so a killed demo leaves no generator running.
/// </summary>
internal sealed class StopRequests : IDisposable
{
    public const string ExitWithParentVariable = "FLOWGEN_EXIT_WITH_PARENT";

    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Timer? _parentWatch;
    private string? _cause;

    public StopRequests()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
        if (Environment.GetEnvironmentVariable(ExitWithParentVariable) == "1")
        {
            int parent = LibcProcesses.ParentProcessId();
            _parentWatch = new Timer(_ =>
            {
                if (LibcProcesses.ParentProcessId() != parent)
                    Request("the parent process exited");
            }, null, ParentPollInterval, ParentPollInterval);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>What asked to stop first ("SIGTERM", "SIGINT", …); null until then.</summary>
    public string? Cause => Volatile.Read(ref _cause);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Request(context.Signal.ToString());
    }

    private void Request(string cause)
    {
        Interlocked.CompareExchange(ref _cause, cause, null);
        _source.Cancel();
    }

    public void Dispose()
    {
        _parentWatch?.Dispose();
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }
}
