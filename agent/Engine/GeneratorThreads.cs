using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// One round of generator threads, each pinned to its CPU, calling BPF_PROG_RUN until its
/// quota is met, a failure occurs, or <see cref="Stop"/> interrupts it.
/// </summary>
internal sealed class GeneratorThreads
{
    private static readonly TimeSpan StopResignalInterval = TimeSpan.FromMilliseconds(10);

    private readonly GeneratorProgram _program;
    private readonly byte[] _frame;
    private readonly RunnerSettings _settings;
    private readonly Func<int, long> _remainingFor;
    private readonly Thread[] _threads;
    private readonly int[] _threadIds;
    private volatile bool _stopping;
    private volatile RunOutcomeFailure? _failure;

    /// <param name="remainingFor">Frames thread i still has to hand to the program (long.MaxValue: no limit).</param>
    public GeneratorThreads(GeneratorProgram program, byte[] frame, RunnerSettings settings, Func<int, long> remainingFor)
    {
        _program = program;
        _frame = frame;
        _settings = settings;
        _remainingFor = remainingFor;
        _threads = new Thread[settings.Cpus.Count];
        _threadIds = new int[settings.Cpus.Count];
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
                Name = $"flowgen-gen-{_settings.Cpus[i]}",
            };
            _threads[i].Start();
        }
    }

    public void Join()
    {
        foreach (Thread thread in _threads)
            thread.Join();
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
        int cpu = _settings.Cpus[index];
        try
        {
            LibcThreads.PinCurrentThread(cpu);
        }
        catch (NativeException e)
        {
            Fail(RunResult.Failed, $"cannot pin a generator thread to CPU {cpu} ({e.Message}): choose CPUs this process may use with --cpus");
            return;
        }

        int programFd = _program.Xdp.Fd;
        bool firstCall = true;
        while (!_stopping)
        {
            long remaining = _remainingFor(index);
            if (remaining <= 0)
                return;
            int callSize = firstCall ? RunnerSettings.FirstCallFrames : _settings.FramesPerCall;
            int repeat = (int)Math.Min(remaining, callSize);
            int errno = LiveFrames.Run(programFd, _frame, repeat, _settings.BatchSize);
            if (errno == Errno.EINTR)
                continue;
            if (errno != 0)
            {
                Fail(RunResult.Failed, $"BPF_PROG_RUN failed: {Errno.Describe(errno)}");
                return;
            }
            if (firstCall && NothingCanBeSent())
                return;
            firstCall = false;
        }
    }

    private bool NothingCanBeSent()
    {
        GeneratorCounters counters = _program.ReadCounters();
        if (counters.Sent > 0 || counters.RedirectErrors == 0)
            return false;
        Fail(RunResult.CannotTransmit, TransmitDiagnosis.Explain(counters.DominantErrno ?? 0));
        return true;
    }

    private void Fail(RunResult result, string reason)
    {
        Interlocked.CompareExchange(ref _failure, new RunOutcomeFailure(result, reason), null);
        _stopping = true;
    }
}

internal sealed record RunOutcomeFailure(RunResult Result, string Reason);
