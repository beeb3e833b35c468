using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>
/// The agent's one job and its state machine: Preparing → Armed → Running → Succeeded | Failed |
/// Stopped; a job can also fail while preparing, or be stopped before it runs. Thread-safe:
/// control requests, the scheduled start, the run's end and scrapes may all come at once.
/// Once final, the BPF objects are freed and the final counters are served from memory.
/// </summary>
internal sealed class AgentJob : IDisposable
{
    private readonly Func<CancellationToken, Task<IArmedJob>> _arm;
    private readonly AgentLog _log;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentState _state = AgentState.Preparing;
    private string? _reason;
    private string? _stopCause;
    private DateTimeOffset? _startAt, _startedAt, _finishedAt;
    private IArmedJob? _armed;
    private JobFigures _finalFigures = JobFigures.Zero;

    /// <param name="arm">Prepares and loads the job; its exceptions make the job Failed with their message.</param>
    public AgentJob(Func<CancellationToken, Task<IArmedJob>> arm, AgentLog log)
    {
        _arm = arm;
        _log = log;
    }

    /// <summary>Completes when the state is final.</summary>
    public Task Finished => _finished.Task;

    public AgentState State
    {
        get
        {
            lock (_gate)
                return _state;
        }
    }

    /// <summary>What made preparing fail, if it did.</summary>
    public Exception? PreparationError { get; private set; }

    /// <summary>How the run ended, if it ran.</summary>
    public RunResult? Result { get; private set; }

    public JobSnapshot Snapshot()
    {
        lock (_gate)
            return new JobSnapshot(_state, _reason, _startAt, _startedAt, _finishedAt, ReadFiguresLocked());
    }

    /// <summary>Preparing → Armed, or Failed with the reason. Returns when it is one or the other (or stopped).</summary>
    public async Task PrepareAsync()
    {
        _log.Preparing();
        IArmedJob armed;
        try
        {
            armed = await _arm(_cancel.Token);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_state != AgentState.Preparing)
                    return; // stopped while preparing: Stop has concluded it
                PreparationError = e;
                Conclude(AgentState.Failed, e.Message);
            }
            _log.Failed(e.Message, JobFigures.Zero);
            _finished.TrySetResult();
            return;
        }

        bool stillWanted;
        lock (_gate)
        {
            stillWanted = _state == AgentState.Preparing;
            if (stillWanted)
            {
                _armed = armed;
                _state = AgentState.Armed;
            }
        }
        if (stillWanted)
            _log.Armed(armed.Summary);
        else
            armed.Dispose();
    }

    /// <summary>Armed → Running: sends from <paramref name="startAt"/> (wall clock), or now if it is absent or past.</summary>
    public Verdict Start(DateTimeOffset? startAt)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset begin = startAt > now ? startAt.Value : now;
        lock (_gate)
        {
            if (_state != AgentState.Armed)
                return Verdict.Refused($"the job is {_state}: it starts once, when Armed");
            _state = AgentState.Running;
            _startAt = startAt ?? now;
        }
        _log.StartScheduled(begin, begin - now);
        new Thread(() => StartAt(begin)) { IsBackground = true, Name = "flowgen-start" }.Start();
        return Verdict.Accepted;
    }

    /// <summary>
    /// Ends the job as Stopped: at once when it has not started sending, else by stopping the
    /// generator (the run then ends Stopped within milliseconds; <see cref="Finished"/> tells when).
    /// </summary>
    public Verdict Stop(string cause)
    {
        AgentState was;
        bool concluded = false;
        lock (_gate)
        {
            was = _state;
            if (_state.IsFinal())
                return Verdict.Refused($"the job is already {_state}");
            _stopCause ??= cause;
            if (_state == AgentState.Running && _startedAt is not null)
            {
                _armed!.Stop();
            }
            else
            {
                Conclude(AgentState.Stopped, _state == AgentState.Running
                    ? $"stopped by {cause} before its start time"
                    : $"stopped by {cause} before it started");
                concluded = true;
            }
        }
        _log.StopRequested(cause, was);
        _cancel.Cancel();
        if (concluded)
        {
            _log.Finished(Snapshot());
            _finished.TrySetResult();
        }
        return Verdict.Accepted;
    }

    /// <summary>Changes the rate of a paced job that is armed or running.</summary>
    /// <exception cref="UsageException">The rate is below the slowest for the job's frames.</exception>
    public Verdict ChangeRate(SendRate rate)
    {
        Verdict verdict;
        lock (_gate)
        {
            if (_armed is null || _state.IsFinal())
                return Verdict.Refused($"the job is {_state}: its rate changes while it is Armed or Running");
            verdict = _armed.ChangeRate(rate);
        }
        if (verdict.IsAccepted)
            _log.RateChanged(rate);
        return verdict;
    }

    /// <summary>On a thread of its own, so the start is on time even when the thread pool is busy.</summary>
    private void StartAt(DateTimeOffset begin)
    {
        try
        {
            Delays.Until(begin, _cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return; // stopped before its start time: Stop has concluded it
        }

        Task<JobOutcome> run;
        DateTimeOffset startedAt;
        lock (_gate)
        {
            if (_state != AgentState.Running || _armed is null)
                return;
            _startedAt = startedAt = DateTimeOffset.UtcNow;
            try
            {
                run = _armed.RunAsync();
            }
            catch (Exception e)
            {
                run = Task.FromException<JobOutcome>(e);
            }
        }
        _log.Started(startedAt, startedAt - begin);
        _ = FinishAsync(run);
    }

    private async Task FinishAsync(Task<JobOutcome> run)
    {
        JobOutcome outcome;
        try
        {
            outcome = await run;
        }
        catch (Exception e)
        {
            outcome = new JobOutcome(RunResult.Failed, ReadFigures(), e.Message);
        }
        Finish(outcome);
    }

    private void Finish(JobOutcome outcome)
    {
        lock (_gate)
        {
            Result = outcome.Result;
            _finalFigures = outcome.Figures;
            (AgentState state, string? reason) = outcome.Result switch
            {
                RunResult.Completed => (AgentState.Succeeded, outcome.Reason),
                RunResult.Stopped => (AgentState.Stopped, $"stopped by {_stopCause ?? "request"}"),
                _ => (AgentState.Failed, outcome.Reason ?? "the run failed"),
            };
            Conclude(state, reason);
        }
        JobSnapshot final = Snapshot();
        if (final.State == AgentState.Failed)
            _log.Failed(final.Reason!, final.Figures);
        else
            _log.Finished(final);
        _finished.TrySetResult();
    }

    public JobFigures ReadFigures()
    {
        lock (_gate)
            return ReadFiguresLocked();
    }

    private JobFigures ReadFiguresLocked() => _armed?.ReadFigures() ?? _finalFigures;

    /// <summary>
    /// Enters a final state and frees the BPF objects (nothing stays attached). Call holding the
    /// gate; complete <see cref="Finished"/> after logging, so the log tells events in order.
    /// </summary>
    private void Conclude(AgentState state, string? reason)
    {
        if (_armed is not null)
        {
            if (Result is null)
                _finalFigures = _armed.ReadFigures();
            _armed.Dispose();
            _armed = null;
        }
        _state = state;
        _reason = reason;
        _finishedAt = DateTimeOffset.UtcNow;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _armed?.Dispose();
            _armed = null;
        }
        _cancel.Dispose();
    }
}
