using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class StatusReplacementTests
{
    [Fact]
    public void Fields_the_new_status_lacks_are_cleared_and_the_rest_written()
    {
        var stored = new TrafficFlowStatus { Phase = FlowPhase.Succeeded, StartTime = DateTime.UtcNow, CompletionTime = DateTime.UtcNow, Message = "done" };
        var patch = StatusReplacement.Of(new TrafficFlowStatus { Phase = FlowPhase.Pending, ObservedGeneration = 3 }, stored);

        Assert.Equal("Pending", (string?)patch["phase"]);
        Assert.Equal(3, (long?)patch["observedGeneration"]);
        Assert.True(patch.ContainsKey("startTime") && patch["startTime"] is null);
        Assert.True(patch.ContainsKey("completionTime") && patch["completionTime"] is null);
        Assert.True(patch.ContainsKey("message") && patch["message"] is null);
    }
}
