using System.Diagnostics;

namespace Flowgen.Engine;

/// <summary>
/// Runs a job's generator threads to its limit: a frame count (topped up round by round until
/// that many were SENT, whatever the driver dropped), a duration, or a stop from outside.
/// The counters live in BPF, so what an interrupted call sent is never lost.
/// </summary>
internal sealed class LiveFramesGenerator
{
    private readonly GeneratorProgram _program;
    private readonly byte[] _frame;
    private readonly RunnerSettings _settings;
    private readonly object _gate = new();
    private GeneratorThreads? _current;
    private volatile bool _stopRequested;

    public LiveFramesGenerator(GeneratorProgram program, byte[] frame, RunnerSettings settings)
    {
        _program = program;
        _frame = frame;
        _settings = settings;
        if (settings.Rate is { } rate)
            _program.SetRate(RateSchedule.For(rate, settings.Cpus.Count));
    }

    /// <summary>The job paces its frames, so <see cref="ChangeRate"/> applies.</summary>
    public bool IsPaced => _settings.Rate is not null;

    /// <summary>Changes the rate of a paced job, at once, also while it runs.</summary>
    public void ChangeRate(Contract.SendRate rate)
    {
        if (!IsPaced)
            throw new InvalidOperationException("the job was started without a rate");
        _program.SetRate(RateSchedule.For(rate, _settings.Cpus.Count));
    }

    public GeneratorCounters ReadCounters() => _program.ReadCounters();

    /// <summary>Runs on dedicated threads; the task completes when the run has ended.</summary>
    public Task<RunOutcome> RunAsync()
    {
        var completion = new TaskCompletionSource<RunOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coordinator = new Thread(() =>
        {
            try
            {
                completion.SetResult(Run());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        }) { IsBackground = true, Name = "flowgen-coordinator" };
        coordinator.Start();
        return completion.Task;
    }

    /// <summary>Stops the run promptly; RunAsync's task then completes with Stopped.</summary>
    public void Stop()
    {
        _stopRequested = true;
        lock (_gate)
            _current?.Stop();
    }

    private RunOutcome Run()
    {
        var clock = Stopwatch.StartNew();
        using var deadline = _settings.Duration is { } duration
            ? new Timer(_ => StopAtDeadline(), null, duration, Timeout.InfiniteTimeSpan)
            : null;

        RunOutcomeFailure? failure = _settings.FrameLimit is { } limit ? RunToCount(limit) : RunRound(targets: null);
        GeneratorCounters counters = _program.ReadCounters();
        TimeSpan elapsed = clock.Elapsed;

        if (failure is not null)
            return new RunOutcome(failure.Result, counters, elapsed, failure.Reason);
        if (_deadlineReached || (_settings.FrameLimit is { } n && counters.Sent >= n))
            return new RunOutcome(RunResult.Completed, counters, elapsed);
        return new RunOutcome(_stopRequested ? RunResult.Stopped : RunResult.Completed, counters, elapsed);
    }

    private volatile bool _deadlineReached;

    private void StopAtDeadline()
    {
        _deadlineReached = true;
        Stop();
    }

    /// <summary>Rounds until `limit` frames were sent: each round hands the shortfall to the threads.</summary>
    private RunOutcomeFailure? RunToCount(long limit)
    {
        long sentBefore = -1;
        while (!_stopRequested)
        {
            GeneratorCounters counters = _program.ReadCounters();
            long shortfall = limit - counters.Sent;
            if (shortfall <= 0)
                return null;
            if (counters.Sent == sentBefore)
                return new RunOutcomeFailure(RunResult.Failed,
                    $"a round sent nothing ({counters.Dropped} dropped, {counters.RedirectErrors} failed so far): " +
                    TransmitDiagnosis.Explain(counters.DominantErrno ?? 0));
            sentBefore = counters.Sent;

            RunOutcomeFailure? failure = RunRound(ShareOut(shortfall));
            if (failure is not null)
                return failure;
        }
        return null;
    }

    /// <summary>Per-thread targets in absolute per-CPU program runs: now + an even share of `frames`.</summary>
    private long[] ShareOut(long frames)
    {
        int threads = _settings.Cpus.Count;
        var targets = new long[threads];
        for (int i = 0; i < threads; i++)
        {
            long share = frames / threads + (i < frames % threads ? 1 : 0);
            targets[i] = _program.AttemptedOnCpu(_settings.Cpus[i]) + share;
        }
        return targets;
    }

    /// <summary>After a first call: a failure when the interface refused every frame.</summary>
    private RunOutcomeFailure? NothingCanBeSent()
    {
        GeneratorCounters counters = _program.ReadCounters();
        return counters.Sent > 0 || counters.RedirectErrors == 0
            ? null
            : new RunOutcomeFailure(RunResult.CannotTransmit, TransmitDiagnosis.Explain(counters.DominantErrno ?? 0));
    }

    /// <param name="targets">Per CPU (in <see cref="RunnerSettings.Cpus"/> order): attempted frames to reach; null: no limit.</param>
    private RunOutcomeFailure? RunRound(long[]? targets)
    {
        IReadOnlyList<int> cpus = _settings.Cpus;
        Func<int, long> remainingFor = targets is null ? _ => long.MaxValue : i => targets[i] - _program.AttemptedOnCpu(cpus[i]);
        int threadsPerCpu = 1;
        if (IsPaced)
        {
            threadsPerCpu = RateSchedule.ThreadsPerCpu;
            var quotas = new Dictionary<int, long>();
            for (int i = 0; i < cpus.Count; i++)
                quotas[cpus[i]] = targets?[i] ?? long.MaxValue;
            _program.StartSchedules(cpu => quotas.GetValueOrDefault(cpu, long.MaxValue));
        }
        int[] threadCpus = [.. cpus.SelectMany(cpu => Enumerable.Repeat(cpu, threadsPerCpu))];
        var work = new LiveFramesWork(_program.Xdp.Fd, [.. threadCpus.Select(_ => _frame)], threadCpus,
            _settings.BatchSize, _settings.FramesPerCall, NothingCanBeSent, Paced: IsPaced);
        var threads = new GeneratorThreads(work, thread => remainingFor(thread / threadsPerCpu));
        lock (_gate)
        {
            if (_stopRequested)
                return null;
            _current = threads;
            threads.Start();
        }
        threads.Join();
        lock (_gate)
            _current = null;
        return threads.Failure;
    }
}
