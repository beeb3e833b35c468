using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>The job's state and figures in the contract's terms: what GET /v1/status returns.</summary>
internal static class AgentReport
{
    public static AgentStatus Status(IGeneratorJob job, string? flow, JobSnapshot snapshot, AgentRates rates) => new()
    {
        State = snapshot.State,
        Reason = snapshot.Reason,
        Flow = flow,
        Interface = job.Interface,
        Mode = job.Mode,
        Job = job.ToString(),
        StartAt = snapshot.StartAt,
        StartedAt = snapshot.StartedAt,
        FinishedAt = snapshot.FinishedAt,
        Totals = snapshot.Figures.Totals,
        Rates = rates,
        TargetRate = snapshot.Figures.TargetRate,
        Threads = snapshot.Figures.Threads,
        Latency = snapshot.Figures.Latency?.Summarize() is { } l
            ? new AgentLatency(l.Samples, l.MinUs, l.MeanUs, l.P50Us, l.P99Us, l.P999Us, l.MaxUs, l.OutOfOrder)
            : null,
    };
}
