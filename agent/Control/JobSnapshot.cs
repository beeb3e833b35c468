using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>One consistent reading of an <see cref="AgentJob"/>: its state, times and counters.</summary>
internal sealed record JobSnapshot(
    AgentState State,
    string? Reason,
    DateTimeOffset? StartAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    GeneratorCounters Counters);
