using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>
/// What an agent's job has done, in the contract's terms whatever the job: its totals, each
/// sending thread's share, and — for a TCP job — its current send window.
/// </summary>
/// <param name="WindowBytes">TCP: min(cwnd, peer window) in bytes, summed over the flows; 0 for UDP.</param>
/// <param name="Latency">UDP with --latency: the round-trip histogram so far; null otherwise.</param>
/// <param name="TargetRate">UDP with a rate: the rate it paces to now.</param>
/// <param name="FramesBySize">UDP: each of the job's frame sizes and the frames handed out at it; null for TCP.</param>
internal sealed record JobFigures(AgentTotals Totals, IReadOnlyList<AgentThreadFigures> Threads, long WindowBytes = 0,
    Flowgen.Engine.LatencyHistogram? Latency = null, AgentTargetRate? TargetRate = null, IReadOnlyList<SizeClassFrames>? FramesBySize = null)
{
    public static JobFigures Zero { get; } = new(AgentTotals.Zero, []);
}
