using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>One consistent reading of an <see cref="AgentJob"/>: its state, times and figures.</summary>
internal sealed record JobSnapshot(
    AgentState State,
    string? Reason,
    DateTimeOffset? StartAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JobFigures Figures);
