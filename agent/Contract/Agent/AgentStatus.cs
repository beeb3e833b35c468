namespace Flowgen.Contract;

/// <summary>
/// An agent's answer to GET /v1/status: its state, and what its job has done so far (final
/// once the state is final). The operator copies these figures into the TrafficFlow's status.
/// </summary>
public sealed record AgentStatus
{
    public required AgentState State { get; init; }

    /// <summary>
    /// Why the job failed or stopped; null otherwise, except for a TCP job that succeeded but
    /// whose receiver did not complete the FIN exchange (all its data was acknowledged).
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>The TrafficFlow this agent works for, if any.</summary>
    public string? Flow { get; init; }

    public required string Interface { get; init; }

    /// <summary>"udp" or "tcp".</summary>
    public required string Mode { get; init; }

    /// <summary>The job as its canonical command line.</summary>
    public required string Job { get; init; }

    /// <summary>The wall-clock instant the job was asked to start at.</summary>
    public DateTimeOffset? StartAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public required AgentTotals Totals { get; init; }

    public required AgentRates Rates { get; init; }

    /// <summary>The rate a paced job sends at now (--rate, changed by POST /v1/rate); null for a job without one.</summary>
    public AgentTargetRate? TargetRate { get; init; }

    public IReadOnlyList<AgentThreadFigures> Threads { get; init; } = [];

    /// <summary>A UDP job with --latency: the round trips of its reflected probes so far; null otherwise.</summary>
    public AgentLatency? Latency { get; init; }
}

/// <summary>
/// Round trips of reflected probes in microseconds: how many, min, mean and max (exact), and the
/// quantiles (a histogram bucket's upper edge, at most 1/32 above the true value).
/// </summary>
public sealed record AgentLatency(long Samples, double MinUs, double MeanUs, double P50Us, double P99Us, double P999Us, double MaxUs,
    long OutOfOrder);

/// <summary>
/// Frames of this job: sent, dropped by the driver, refused by the kernel (by reason), and the
/// bytes of the frames sent (FCS included). For a TCP job, <paramref name="Sent"/> counts the data
/// segments handed to the driver, resends included, <paramref name="Resent"/> the resends among
/// them and <paramref name="BytesAcknowledged"/> the stream bytes the receiver acknowledged (both 0
/// for UDP); its frames are not told apart as dropped or refused: whatever is lost is resent.
/// <paramref name="Paced"/>: UDP with a rate, the program runs that held a frame back (not frames; never dropped).
/// </summary>
public sealed record AgentTotals(
    long Sent, long Dropped, long Errors, long Attempted, long BytesSent, IReadOnlyDictionary<string, long> ErrorsByReason,
    long Resent = 0, long BytesAcknowledged = 0, long Paced = 0)
{
    public static AgentTotals Zero { get; } = new(0, 0, 0, 0, 0, new Dictionary<string, long>());
}

/// <summary>Rates over the last few seconds (frames on the wire, FCS counted).</summary>
public sealed record AgentRates(double PacketsPerSecond, double BitsPerSecond)
{
    public static AgentRates Zero { get; } = new(0, 0);
}

/// <summary>One generator thread, pinned to <see cref="Cpu"/>.</summary>
public sealed record AgentThreadFigures(int Cpu, long Sent, long Dropped, long Errors, long Attempted);

/// <summary>A target rate: its canonical text (as --rate takes it) and what it means for the job's frames.</summary>
public sealed record AgentTargetRate(string Rate, double PacketsPerSecond, double BitsPerSecond);

/// <summary>The body of POST /v1/rate: the new rate, as --rate takes it (e.g. "50k", "2.5M", "10Gbit").</summary>
public sealed record RateRequest(string Rate);

/// <summary>The body of POST /v1/start: when to begin (wall clock); absent or past means now.</summary>
public sealed record StartRequest(DateTimeOffset? StartAt);
