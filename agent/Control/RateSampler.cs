using System.Diagnostics;
using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>
/// The status's current rates: frames sent per second over the last <see cref="Period"/>, read
/// by a timer while the job sends. (Metrics need no sampler: Prometheus computes rates itself.)
/// </summary>
internal sealed class RateSampler : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Func<JobSnapshot> _read;
    private readonly int _frameSize;
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private (long Sent, TimeSpan At)? _last;
    private AgentRates _current = AgentRates.Zero;

    /// <param name="frameSize">Frame size on the wire, FCS included (-s), for bits per second.</param>
    public RateSampler(Func<JobSnapshot> read, int frameSize)
    {
        _read = read;
        _frameSize = frameSize;
        _timer = new Timer(_ => Sample(), null, Period, Period);
    }

    public AgentRates Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    /// <summary>Takes one reading; public so tests need not wait for the timer.</summary>
    public void Sample()
    {
        JobSnapshot snapshot = _read();
        lock (_gate)
        {
            if (snapshot.State != AgentState.Running || snapshot.StartedAt is null)
            {
                _last = null;
                _current = AgentRates.Zero;
                return;
            }
            TimeSpan now = _clock.Elapsed;
            long sent = snapshot.Counters.Sent;
            if (_last is { } last && now > last.At)
            {
                double packetsPerSecond = (sent - last.Sent) / (now - last.At).TotalSeconds;
                _current = new AgentRates(packetsPerSecond, packetsPerSecond * _frameSize * 8);
            }
            _last = (sent, now);
        }
    }

    public void Dispose() => _timer.Dispose();
}
