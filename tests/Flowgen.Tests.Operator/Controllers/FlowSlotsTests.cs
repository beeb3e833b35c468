using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class FlowSlotsTests
{
    [Fact]
    public void A_placed_run_keeps_its_slots_with_each_targets_mac()
    {
        var slots = FlowSlots.Recorded(SampleFlows.Running());
        Assert.Equal([new AgentSlot("worker-1", "ens1f0", "aa:bb:cc:dd:ee:01"), new AgentSlot("worker-2", "ens1f1", "aa:bb:cc:dd:ee:02")], slots);
    }

    [Fact]
    public void A_new_generation_is_placed_again()
    {
        var flow = SampleFlows.Running();
        flow.Metadata.Generation = 3;
        Assert.Null(FlowSlots.Recorded(flow));
    }
}
