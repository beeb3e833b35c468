using System.Diagnostics;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// Runs the taken-over flows, one sending thread each, until every flow's data is acknowledged
/// (or, after a duration or a stop, what was in flight), a receiver closes or resets, or the
/// receiver stops acknowledging. The sending threads never end a call by themselves: this
/// watches the flow states and interrupts them.
/// </summary>
internal sealed class TcpStream
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    /// <summary>After a stop request, how long the flows may take to get what is in flight acknowledged.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    /// <summary>No byte acknowledged for this long means the receiver is gone (the RTO backs off to 10 s).</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private readonly TcpProgram _program;
    private readonly IReadOnlyList<TakenOverFlow> _flows;
    private readonly LiveFramesWork _work;
    private readonly TimeSpan? _duration;
    private long _stopRequestedAt = -1;

    public TcpStream(TcpProgram program, IReadOnlyList<TakenOverFlow> flows, IReadOnlyList<int> cpus, int batchSize, TimeSpan? duration)
    {
        _program = program;
        _flows = flows;
        _duration = duration;
        _work = new LiveFramesWork(program.Sender.Fd, [.. flows.Select(f => f.Template.Frame)], [.. flows.Select(f => cpus[f.Index])],
            batchSize, RunnerSettings.DefaultFramesPerCall);
    }

    public TcpCounters ReadCounters() => new([.. _flows.Select(f => TcpFlowCounters.From(_program.Read(f.Key)))]);

    /// <summary>Sends no new data; the run ends once what is in flight is acknowledged (or after a grace period).</summary>
    public void Stop() => Interlocked.CompareExchange(ref _stopRequestedAt, Stopwatch.GetTimestamp(), -1);

    public Task<TcpStreamOutcome> RunAsync()
    {
        var completion = new TaskCompletionSource<TcpStreamOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
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
        }) { IsBackground = true, Name = "flowgen-tcp-coordinator" };
        coordinator.Start();
        return completion.Task;
    }

    private TcpStreamOutcome Run()
    {
        var clock = Stopwatch.StartNew();
        var threads = new GeneratorThreads(_work, _ => long.MaxValue);
        threads.Start();
        (RunResult result, string? reason) = Watch(clock, threads);
        threads.Stop();
        threads.Join();
        return new TcpStreamOutcome(result, ReadCounters(), clock.Elapsed, reason);
    }

    private (RunResult, string?) Watch(Stopwatch clock, GeneratorThreads threads)
    {
        bool stoppingNewData = false;
        long acknowledged = -1;
        TimeSpan progressAt = TimeSpan.Zero;
        while (true)
        {
            Thread.Sleep(Poll);
            if (threads.Failure is { } failure)
                return (failure.Result, failure.Reason);

            var states = _flows.Select(f => _program.Read(f.Key)).ToArray();
            for (int i = 0; i < states.Length; i++)
            {
                var flags = (TcpFlowFlags)states[i].Flags;
                if ((flags & (TcpFlowFlags.PeerFin | TcpFlowFlags.PeerReset)) != 0 && !IsDone(states[i]))
                    return (RunResult.Failed, ReceiverClosed(i, states[i], flags));
            }
            bool stopRequested = Volatile.Read(ref _stopRequestedAt) >= 0;
            if (states.All(IsDone))
                return (stopRequested ? RunResult.Stopped : RunResult.Completed, null);

            if (!stoppingNewData && (stopRequested || clock.Elapsed >= _duration))
            {
                _program.StopNewData();
                stoppingNewData = true;
            }
            if (stopRequested && Stopwatch.GetElapsedTime(Volatile.Read(ref _stopRequestedAt)) > StopGrace)
                return (RunResult.Stopped, "stopped before everything in flight was acknowledged");

            long total = states.Sum(s => (long)s.SendUnacknowledged);
            if (total != acknowledged)
                (acknowledged, progressAt) = (total, clock.Elapsed);
            else if (clock.Elapsed - progressAt > StallLimit)
                return (RunResult.Failed,
                    $"the receiver stopped acknowledging: nothing acknowledged for {StallLimit.TotalSeconds:0} s after {total:N0} bytes");
        }
    }

    private static bool IsDone(TcpFlowValue state) => state.SendUnacknowledged >= state.End;

    private string ReceiverClosed(int index, in TcpFlowValue state, TcpFlowFlags flags)
    {
        string how = (flags & TcpFlowFlags.PeerReset) != 0 ? " (it reset it)" : string.Empty;
        string which = _flows.Count > 1 ? $" of flow {index + 1} (local port {_flows[index].Spec.SourcePort})" : string.Empty;
        return $"the receiver{which} closed the connection after {state.SendUnacknowledged:N0} bytes{how}";
    }
}
