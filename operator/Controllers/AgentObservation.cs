using Flowgen.Contract;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>What the operator knows of one agent: its slot, its pod (if created), its last status (if reachable).</summary>
internal sealed record AgentObservation(AgentSlot Slot, V1Pod? Pod, AgentStatus? Status)
{
    /// <summary>Why the pod can't run the agent (unschedulable, image pull, exited), or null.</summary>
    public string? PodProblem => Pod is null ? null : PodProblems.Of(Pod);

    public bool IsArmedOrLater => Status?.State.IsReady() == true;

    public bool IsFinal => Status?.State.IsFinal() == true;

    /// <summary>The agent failed, or its pod can't run it: either fails the flow.</summary>
    public string? Failure => PodProblem
        ?? (Status is { State: AgentState.Failed } failed ? failed.Reason ?? "the agent failed" : null);
}
