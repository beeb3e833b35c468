using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>
/// The status's current rates: frames sent per second over the last <see cref="Period"/>, and
/// the bits of those frames on the wire (FCS included), read by a timer while the job sends.
/// (Metrics need no sampler: Prometheus computes rates itself.)
/// </summary>
internal sealed class RateSampler : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private readonly Func<JobSnapshot> _read;
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly ITimer _timer;
    private (long Sent, long Bytes, TimeSpan At)? _last;
    private AgentRates _current = AgentRates.Zero;

    public RateSampler(Func<JobSnapshot> read, TimeProvider? time = null)
    {
        _read = read;
        _time = time ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
        _timer = _time.CreateTimer(_ => Sample(), null, Period, Period);
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
            TimeSpan now = _time.GetElapsedTime(_origin);
            AgentTotals totals = snapshot.Figures.Totals;
            if (_last is { } last && now > last.At)
            {
                double seconds = (now - last.At).TotalSeconds;
                _current = new AgentRates((totals.Sent - last.Sent) / seconds, (totals.BytesSent - last.Bytes) * 8 / seconds);
            }
            _last = (totals.Sent, totals.BytesSent, now);
        }
    }

    public void Dispose() => _timer.Dispose();
}
