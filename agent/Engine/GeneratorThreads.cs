using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// What generator threads run: one XDP program over one frame per thread, each thread pinned
/// to its CPU (threads may share a CPU).
/// </summary>
/// <param name="AfterFirstCall">Checked once a thread's first (short) call has returned: a failure ends the round.</param>
/// <param name="Paced">The program holds frames back (rate control), so a call's program runs are not
/// frames: calls stay long, and a watcher ends a thread's call once its frames are done.</param>
internal sealed record LiveFramesWork(
    int ProgramFd,
    IReadOnlyList<byte[]> Frames,
    IReadOnlyList<int> Cpus,
    int BatchSize,
    int FramesPerCall,
    Func<RunOutcomeFailure?>? AfterFirstCall = null,
    bool Paced = false);

/// <summary>
/// One round of generator threads, each pinned to its CPU, calling BPF_PROG_RUN until its
/// quota is met, a failure occurs, or <see cref="Stop"/> interrupts it.
/// </summary>
internal sealed class GeneratorThreads
{
    private static readonly TimeSpan StopResignalInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>How often a paced round checks whether a thread's frames are done.</summary>
    private static readonly TimeSpan QuotaPollInterval = TimeSpan.FromMilliseconds(1);

    private readonly LiveFramesWork _work;
    private readonly Func<int, long> _remainingFor;
    private readonly Thread[] _threads;
    private readonly int[] _threadIds;
    private volatile bool _stopping;
    private volatile RunOutcomeFailure? _failure;

    /// <param name="remainingFor">Frames thread i still has to hand to the program (long.MaxValue: no limit).</param>
    public GeneratorThreads(LiveFramesWork work, Func<int, long> remainingFor)
    {
        if (work.Frames.Count != work.Cpus.Count)
            throw new ArgumentException("one frame per thread", nameof(work));
        _work = work;
        _remainingFor = remainingFor;
        _threads = new Thread[work.Cpus.Count];
        _threadIds = new int[work.Cpus.Count];
    }

    public RunOutcomeFailure? Failure => _failure;

    public void Start()
    {
        StopSignal.EnsureInstalled();
        for (int i = 0; i < _threads.Length; i++)
        {
            int index = i;
            _threads[i] = new Thread(() => Generate(index))
            {
                IsBackground = true,
                Name = $"flowgen-gen-{_work.Cpus[i]}",
            };
            _threads[i].Start();
        }
    }

    public void Join()
    {
        if (_work.Paced)
            EndCallsWhenDone();
        foreach (Thread thread in _threads)
            thread.Join();
    }

    /// <summary>
    /// A paced thread's call runs long after its quota is reached (the program holds every further
    /// frame back), so this ends each call once its thread has no frames left. Paced threads make
    /// no short first call, so this also checks <see cref="LiveFramesWork.AfterFirstCall"/>.
    /// </summary>
    private void EndCallsWhenDone()
    {
        while (_threads.Any(thread => thread.IsAlive))
        {
            if (!_stopping && _work.AfterFirstCall?.Invoke() is { } failure)
            {
                Fail(failure.Result, failure.Reason);
                Stop();
                return;
            }
            for (int i = 0; i < _threads.Length; i++)
            {
                int tid = Volatile.Read(ref _threadIds[i]);
                if (_threads[i].IsAlive && tid != 0 && _remainingFor(i) <= 0)
                    StopSignal.Interrupt(tid);
            }
            Thread.Sleep(QuotaPollInterval);
        }
    }

    /// <summary>Ends every call promptly: sets the flag, then signals until all threads have left.</summary>
    public void Stop()
    {
        _stopping = true;
        for (int i = 0; i < _threads.Length; i++)
        {
            while (_threads[i].IsAlive)
            {
                int tid = Volatile.Read(ref _threadIds[i]);
                if (tid != 0)
                    StopSignal.Interrupt(tid);
                _threads[i].Join(StopResignalInterval);
            }
        }
    }

    private void Generate(int index)
    {
        Volatile.Write(ref _threadIds[index], LibcThreads.CurrentThreadId());
        int cpu = _work.Cpus[index];
        try
        {
            LibcThreads.PinCurrentThread(cpu);
        }
        catch (NativeException e)
        {
            Fail(RunResult.Failed, $"cannot pin a generator thread to CPU {cpu} ({e.Message}): choose CPUs this process may use with --cpus");
            return;
        }

        byte[] frame = _work.Frames[index];
        // A paced thread starts with a long call: a short one's ~28 ms teardown stall also held up
        // the other thread on its CPU (measured), so a paced round checks AfterFirstCall as it polls.
        bool firstCall = !_work.Paced;
        while (!_stopping)
        {
            long remaining = _remainingFor(index);
            if (remaining <= 0)
                return;
            int callSize = firstCall ? RunnerSettings.FirstCallFrames : _work.FramesPerCall;
            int repeat = _work.Paced ? callSize : (int)Math.Min(remaining, callSize);
            int errno = LiveFrames.Run(_work.ProgramFd, frame, repeat, _work.BatchSize);
            if (errno == Errno.EINTR)
                continue;
            if (errno != 0)
            {
                Fail(RunResult.Failed, $"BPF_PROG_RUN failed: {Errno.Describe(errno)}");
                return;
            }
            if (firstCall && _work.AfterFirstCall?.Invoke() is { } failure)
            {
                Fail(failure.Result, failure.Reason);
                return;
            }
            firstCall = false;
        }
    }

    private void Fail(RunResult result, string reason)
    {
        Interlocked.CompareExchange(ref _failure, new RunOutcomeFailure(result, reason), null);
        _stopping = true;
    }
}

internal sealed record RunOutcomeFailure(RunResult Result, string Reason);
