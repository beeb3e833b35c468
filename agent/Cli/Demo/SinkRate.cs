namespace Flowgen.Cli.Demo;

/// <summary>Follows the sink child's interval lines: its current rate and running total.</summary>
internal sealed class SinkRate
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    private double _packetsPerSecond;
    private long _total;
    private long _lastChange = Environment.TickCount64;

    public double PacketsPerSecond => Volatile.Read(ref _packetsPerSecond);

    public async Task FollowAsync(FlowgenChild sink, CancellationToken ct)
    {
        while (await sink.ReadAsync(ct) is { } line)
        {
            string? name = line.GetProperty("event").GetString();
            if (name is not ("interval" or "summary"))
                continue;
            Volatile.Write(ref _packetsPerSecond, line.GetProperty("packetsPerSecond").GetDouble());
            long total = line.GetProperty("packets").GetInt64();
            if (Interlocked.Exchange(ref _total, total) != total)
                Volatile.Write(ref _lastChange, Environment.TickCount64);
        }
    }

    /// <summary>Frames received so far; after the sink's summary, its final count.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Waits until the total has stopped changing: frames still in flight have landed.</summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        while (Environment.TickCount64 - Volatile.Read(ref _lastChange) < SettleTime.TotalMilliseconds)
            await Task.Delay(50, ct);
    }
}
