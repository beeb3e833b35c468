using Flowgen.Control;
using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Agent;

/// <summary>An armed job without a kernel: figures set by the test, a run that ends when told or stopped.</summary>
internal sealed class FakeArmedJob : IArmedJob
{
    /// <summary>The frame size <see cref="UdpCounts"/> counts bytes with.</summary>
    public const int FrameSize = 64;

    private readonly TaskCompletionSource<JobOutcome> _run = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _ranAt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Summary => "fake";

    public JobFigures Figures { get; set; } = JobFigures.Zero;

    public bool Disposed { get; private set; }

    public bool StopCalled { get; private set; }

    /// <summary>Completes with the wall-clock instant the run began.</summary>
    public Task<DateTimeOffset> RanAt => _ranAt.Task;

    public JobFigures ReadFigures()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        return Figures;
    }

    public Task<JobOutcome> RunAsync()
    {
        _ranAt.SetResult(DateTimeOffset.UtcNow);
        return _run.Task;
    }

    public void Stop()
    {
        StopCalled = true;
        End(RunResult.Stopped);
    }

    /// <summary>Ends the run as the engine would, with the current figures.</summary>
    public void End(RunResult result, string? reason = null) =>
        _run.TrySetResult(new JobOutcome(result, Figures, reason));

    public void Dispose() => Disposed = true;

    /// <summary>A UDP job's figures, one thread on CPU 0, <see cref="FrameSize"/>-byte frames.</summary>
    public static JobFigures UdpCounts(long sent, long dropped = 0, params (int Errno, long Count)[] errors) =>
        UdpFigures.From(new GeneratorCounters(sent + dropped + errors.Sum(e => e.Count), sent, dropped, errors.Sum(e => e.Count),
            errors.ToDictionary(e => e.Errno, e => e.Count),
            [new CpuCounters(0, sent + dropped + errors.Sum(e => e.Count), sent, dropped, errors.Sum(e => e.Count))]), FrameSize);
}
