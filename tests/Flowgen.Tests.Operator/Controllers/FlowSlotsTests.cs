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

    [Fact]
    public void The_slots_placed_under_an_older_generation_are_there_to_retune()
    {
        var flow = SampleFlows.Running();
        flow.Metadata.Generation = 3;
        Assert.Equal(FlowSlots.Recorded(SampleFlows.Running()), FlowSlots.Placed(flow));
        Assert.NotNull(FlowSlots.Placed(flow));
    }
}
