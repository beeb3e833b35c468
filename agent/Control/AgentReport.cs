using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>The engine's figures in the contract's terms: what GET /v1/status returns.</summary>
internal static class AgentReport
{
    public static AgentStatus Status(UdpJob job, string? flow, JobSnapshot snapshot, AgentRates rates) => new()
    {
        State = snapshot.State,
        Reason = snapshot.Reason,
        Flow = flow,
        Interface = job.Interface,
        Mode = UdpJob.Command,
        Job = job.ToString(),
        StartAt = snapshot.StartAt,
        StartedAt = snapshot.StartedAt,
        FinishedAt = snapshot.FinishedAt,
        Totals = Totals(snapshot.Counters, job.FrameSize),
        Rates = rates,
        Threads = Threads(snapshot.Counters),
    };

    /// <summary>Bytes count frames on the wire, FCS included (<paramref name="frameSize"/> is -s).</summary>
    public static AgentTotals Totals(GeneratorCounters c, int frameSize) =>
        new(c.Sent, c.Dropped, c.RedirectErrors, c.Attempted, c.Sent * frameSize, c.RedirectErrorsByReason);

    public static IReadOnlyList<AgentThreadFigures> Threads(GeneratorCounters c) =>
        c.PerCpu.Select(cpu => new AgentThreadFigures(cpu.Cpu, cpu.Sent, cpu.Dropped, cpu.RedirectErrors, cpu.Attempted)).ToList();
}
