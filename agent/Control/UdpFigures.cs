using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>A UDP job's BPF counters as the agent reports them.</summary>
internal static class UdpFigures
{
    /// <summary>Bytes count frames on the wire, FCS included, at the mean size of the frames handed out.</summary>
    /// <param name="rate">The rate the job paces to now, if any.</param>
    /// <param name="framesBySize">The job's sizes with the frames handed out at each; null when unknown.</param>
    public static JobFigures From(GeneratorCounters c, double meanWireSize, LatencyHistogram? latency = null, SendRate? rate = null,
        IReadOnlyList<SizeClassFrames>? framesBySize = null) => new(
        new AgentTotals(c.Sent, c.Dropped, c.RedirectErrors, c.Attempted, (long)Math.Round(c.Sent * meanWireSize), c.RedirectErrorsByReason,
            Paced: c.Paced),
        [.. c.PerCpu.Select(cpu => new AgentThreadFigures(cpu.Cpu, cpu.Sent, cpu.Dropped, cpu.RedirectErrors, cpu.Attempted))],
        Latency: latency,
        TargetRate: rate is null ? null : new AgentTargetRate(rate.ToString(), rate.FramesPerSecond(meanWireSize), rate.BitsPerSecond(meanWireSize)),
        FramesBySize: framesBySize);
}
