using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using k8s.Models;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class PlacementTests
{
    private static readonly Dictionary<string, string> Generators = new() { ["flowgen.dev/generator"] = "true" };

    private static V1Node Node(string name, bool generator = true, bool ready = true, bool unschedulable = false, V1Taint? taint = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = generator ? new Dictionary<string, string>(Generators) : [] },
        Spec = new V1NodeSpec { Unschedulable = unschedulable, Taints = taint is null ? null : [taint] },
        Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    private static AgentPlacement BySelector(int? maxAgents = null, IList<V1Toleration>? tolerations = null) =>
        new() { NodeSelector = Generators, Interface = "ens1f0", MaxAgents = maxAgents, Tolerations = tolerations };

    [Fact]
    public void Matching_ready_nodes_are_chosen_in_name_order_up_to_max_agents()
    {
        PlacementDecision decision = Placement.Choose(BySelector(maxAgents: 2), [Node("n3"), Node("n1"), Node("n2"), Node("other", generator: false)]);

        Assert.True(decision.IsPossible);
        Assert.Equal(["n1", "n2"], decision.Slots.Select(s => s.Node));
        Assert.All(decision.Slots, slot => Assert.Equal("ens1f0", slot.Interface));
    }

    [Fact]
    public void Nodes_that_are_not_ready_cordoned_or_tainted_are_skipped()
    {
        var taint = new V1Taint { Key = "dedicated", Value = "db", Effect = "NoSchedule" };
        PlacementDecision decision = Placement.Choose(BySelector(),
            [Node("a", ready: false), Node("b", unschedulable: true), Node("c", taint: taint), Node("d")]);

        Assert.Equal(["d"], decision.Slots.Select(s => s.Node));
    }

    [Fact]
    public void A_tolerated_taint_does_not_keep_an_agent_away()
    {
        var taint = new V1Taint { Key = "dedicated", Value = "traffic", Effect = "NoSchedule" };
        var toleration = new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "traffic", Effect = "NoSchedule" };

        PlacementDecision decision = Placement.Choose(BySelector(tolerations: [toleration]), [Node("a", taint: taint)]);

        Assert.Equal(["a"], decision.Slots.Select(s => s.Node));
    }

    [Fact]
    public void No_matching_node_is_a_reason_not_an_empty_run()
    {
        PlacementDecision decision = Placement.Choose(BySelector(), [Node("x", generator: false)]);

        Assert.False(decision.IsPossible);
        Assert.Contains("flowgen.dev/generator=true", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_are_taken_as_given_with_their_macs()
    {
        var placement = new AgentPlacement
        {
            Targets = [new AgentTarget { Node = "n1", Interface = "ens1f0", DstMac = "02:00:00:00:00:01" }, new AgentTarget { Node = "n1", Interface = "ens1f1" }],
        };

        PlacementDecision decision = Placement.Choose(placement, [Node("n1", generator: false)]);

        Assert.Equal([new AgentSlot("n1", "ens1f0", "02:00:00:00:00:01"), new AgentSlot("n1", "ens1f1", null)], decision.Slots);
    }

    [Fact]
    public void A_target_on_a_node_that_does_not_exist_is_reported()
    {
        var placement = new AgentPlacement { Targets = [new AgentTarget { Node = "ghost", Interface = "ens1f0" }] };

        PlacementDecision decision = Placement.Choose(placement, [Node("n1")]);

        Assert.False(decision.IsPossible);
        Assert.Contains("ghost", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_on_one_interface_are_refused()
    {
        var placement = new AgentPlacement { Targets = [new AgentTarget { Node = "n1", Interface = "ens1f0" }, new AgentTarget { Node = "n1", Interface = "ens1f0" }] };

        Assert.False(Placement.Choose(placement, [Node("n1")]).IsPossible);
    }
}
