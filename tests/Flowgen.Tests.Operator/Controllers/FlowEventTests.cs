using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowEventTests
{
    [Fact]
    public void Only_phase_changes_make_events_and_failures_are_warnings()
    {
        Assert.Null(FlowEvent.ForTransition(FlowPhase.Running, new TrafficFlowStatus { Phase = FlowPhase.Running }));
        Assert.Equal(new FlowEvent("Warning", "Failed", "boom"), FlowEvent.ForTransition(FlowPhase.Running, new TrafficFlowStatus { Phase = FlowPhase.Failed, Message = "boom" }));
        Assert.Equal("Normal", FlowEvent.ForTransition(null, new TrafficFlowStatus { Phase = FlowPhase.Pending })!.Type);
    }
}
