using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;

namespace Flowgen.Operator.Controllers;

/// <summary>The Event a phase change is worth, or null when the phase stayed.</summary>
internal sealed record FlowEvent(string Type, string Reason, string Message)
{
    public static FlowEvent? ForTransition(FlowPhase? before, TrafficFlowStatus after)
    {
        if (after.Phase is not { } phase || phase == before)
            return null;
        string type = phase == FlowPhase.Failed ? EventTypes.Warning : EventTypes.Normal;
        return new FlowEvent(type, phase.ToString(), after.Message ?? phase.ToString());
    }
}
