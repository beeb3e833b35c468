using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>Which agents to start now, and at what instant (null: at once).</summary>
internal sealed record StartDecision(IReadOnlyList<AgentObservation> Agents, DateTimeOffset? StartAt)
{
    /// <summary>The lead time of a barrier start: long enough for every agent to get its request before the instant.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    public static StartDecision None { get; } = new([], null);

    /// <summary>
    /// Together: every agent Armed and none told yet → all of them, at one instant <see cref="Lead"/> ahead;
    /// once started, an agent still Armed (its start request failed) → at the run's instant if still ahead, else at once.
    /// Immediately: each Armed agent, at once.
    /// </summary>
    /// <param name="startedAt">The run's recorded start instant, if any.</param>
    public static StartDecision For(
        StartPolicy policy, IReadOnlyList<AgentObservation> agents, bool started, DateTimeOffset? startedAt, DateTimeOffset now)
    {
        var armed = agents.Where(a => a.Status?.State == AgentState.Armed).ToList();
        return policy switch
        {
            _ when armed.Count == 0 => None,
            StartPolicy.Together when !started => armed.Count == agents.Count ? new(armed, now + Lead) : None,
            StartPolicy.Together => new(armed, startedAt > now ? startedAt : null),
            _ => new(armed, null),
        };
    }

    /// <summary>The run has begun: the operator recorded a start, or an agent is already past Armed.</summary>
    public static bool HasStarted(TrafficFlowStatus? status, IReadOnlyList<AgentObservation> agents) =>
        status?.StartTime is not null
        || agents.Any(a => a.Status?.State is AgentState.Running or AgentState.Succeeded or AgentState.Stopped || a.Status?.StartAt is not null);
}
