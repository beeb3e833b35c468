using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowTtlTests
{
    [Fact]
    public void A_finished_flow_with_a_ttl_is_deleted_that_long_after_completion()
    {
        var flow = SampleFlows.Running();
        Assert.Null(FlowTtl.DeleteAt(flow));
        flow.Status!.Phase = FlowPhase.Succeeded;
        flow.Status.CompletionTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero), FlowTtl.DeleteAt(flow));
    }
}
