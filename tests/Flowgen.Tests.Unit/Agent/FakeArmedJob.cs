using Flowgen.Control;
using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Agent;

/// <summary>An armed job without a kernel: counters set by the test, a run that ends when told or stopped.</summary>
internal sealed class FakeArmedJob : IArmedJob
{
    private readonly TaskCompletionSource<RunOutcome> _run = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _ranAt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Summary => "fake";

    public GeneratorCounters Counters { get; set; } = GeneratorCounters.Zero;

    public bool Disposed { get; private set; }

    public bool StopCalled { get; private set; }

    /// <summary>Completes with the wall-clock instant the run began.</summary>
    public Task<DateTimeOffset> RanAt => _ranAt.Task;

    public GeneratorCounters ReadCounters()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return Counters;
    }

    public Task<RunOutcome> RunAsync()
    {
        _ranAt.SetResult(DateTimeOffset.UtcNow);
        return _run.Task;
    }

    public void Stop()
    {
        StopCalled = true;
        End(RunResult.Stopped);
    }

    /// <summary>Ends the run as the engine would, with the current counters.</summary>
    public void End(RunResult result, string? reason = null) =>
        _run.TrySetResult(new RunOutcome(result, Counters, TimeSpan.FromSeconds(1), reason));

    public void Dispose() => Disposed = true;

    public static GeneratorCounters Figures(long sent, long dropped = 0, params (int Errno, long Count)[] errors) =>
        new(sent + dropped + errors.Sum(e => e.Count), sent, dropped, errors.Sum(e => e.Count),
            errors.ToDictionary(e => e.Errno, e => e.Count),
            [new CpuCounters(0, sent + dropped + errors.Sum(e => e.Count), sent, dropped, errors.Sum(e => e.Count))]);
}
