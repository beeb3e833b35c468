using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>Why the agent ends.</summary>
internal enum AgentEnd
{
    /// <summary>POST /v1/release after the job ended.</summary>
    Released,

    /// <summary>The grace period after the job's end passed without a release.</summary>
    GraceOver,

    /// <summary>SIGTERM, SIGINT or the like.</summary>
    Signalled,
}

/// <summary>
/// How long the agent lives: while its job is prepared and runs, then, with the final figures
/// still served, until released or the grace period ends — or until a signal, at any time.
/// </summary>
internal sealed class AgentLifetime(AgentJob job, AgentLog log)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Allowed once the job is final; the agent then ends when <see cref="Release"/> is called.</summary>
    public Verdict CanRelease()
    {
        AgentState state = job.State;
        return state.IsFinal() ? Verdict.Accepted : Verdict.Refused($"the job is {state}: stop it first (POST /v1/stop)");
    }

    /// <summary>Ends the agent; the API calls it once the release's answer has been sent.</summary>
    public void Release()
    {
        if (_released.TrySetResult())
            log.Released();
    }

    public async Task<AgentEnd> WaitAsync(TimeSpan grace, CancellationToken signal)
    {
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using CancellationTokenRegistration onSignal = signal.Register(() => signalled.TrySetResult());
        Task graceOver = GraceAsync(grace, signal);
        Task first = await Task.WhenAny(_released.Task, graceOver, signalled.Task);
        return first == _released.Task ? AgentEnd.Released
            : first == graceOver && !signal.IsCancellationRequested ? AgentEnd.GraceOver
            : AgentEnd.Signalled;
    }

    private async Task GraceAsync(TimeSpan grace, CancellationToken signal)
    {
        try
        {
            await job.Finished.WaitAsync(signal);
            log.ServingFinalFigures(grace);
            await Delays.ForAsync(grace, signal);
        }
        catch (OperationCanceledException)
        {
            // The signal decides.
        }
    }
}
