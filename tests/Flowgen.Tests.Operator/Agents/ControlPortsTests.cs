using Flowgen.Operator.Agents;

namespace Flowgen.Tests.Operator.Agents;

public sealed class ControlPortsTests
{
    [Fact]
    public void A_node_without_agents_gets_the_first_port() =>
        Assert.Equal(ControlPorts.First, ControlPorts.Choose([]));

    [Fact]
    public void A_second_flow_on_a_node_never_gets_a_port_in_use() =>
        Assert.Equal(ControlPorts.First + 2, ControlPorts.Choose([ControlPorts.First, ControlPorts.First + 1, 80]));

    [Fact]
    public void A_freed_port_is_taken_again() =>
        Assert.Equal(ControlPorts.First + 1, ControlPorts.Choose([ControlPorts.First, ControlPorts.First + 2]));

    [Fact]
    public void When_every_port_is_taken_there_is_none() =>
        Assert.Null(ControlPorts.Choose(Enumerable.Range(ControlPorts.First, ControlPorts.Count)));
}
