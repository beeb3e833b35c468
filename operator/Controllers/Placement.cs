using Flowgen.Operator.Api;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Chooses the nodes of a flow's agents: the targets as given, or up to maxAgents nodes that
/// match the selector, are Ready, schedulable, and whose NoSchedule/NoExecute taints the agent
/// tolerates — in name order, so the same cluster always gives the same choice.
/// </summary>
internal static class Placement
{
    public static PlacementDecision Choose(AgentPlacement placement, IReadOnlyCollection<V1Node> nodes)
    {
        if (placement.Targets is { Count: > 0 } targets)
            return ForTargets(targets, nodes);
        if (placement.NodeSelector is not { Count: > 0 } selector || placement.Interface is not { } iface)
            return PlacementDecision.Impossible("spec.agents needs nodeSelector and interface, or targets");

        var eligible = nodes
            .Where(node => Matches(node, selector) && IsUsable(node, placement.Tolerations))
            .Select(node => node.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .Take(placement.MaxAgents ?? int.MaxValue)
            .Select(name => new AgentSlot(name, iface, DstMac: null))
            .ToList();
        return eligible.Count > 0
            ? new PlacementDecision(eligible, null)
            : PlacementDecision.Impossible(
                $"no Ready, schedulable node matches nodeSelector {string.Join(",", selector.Select(pair => $"{pair.Key}={pair.Value}"))}" +
                " (with the flow's tolerations)");
    }

    private static PlacementDecision ForTargets(IList<AgentTarget> targets, IReadOnlyCollection<V1Node> nodes)
    {
        var known = nodes.Select(node => node.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        string[] missing = targets.Select(t => t.Node).Where(node => !known.Contains(node)).Distinct().ToArray();
        if (missing.Length > 0)
            return PlacementDecision.Impossible($"target node(s) not in the cluster: {string.Join(", ", missing)}");
        var duplicate = targets.GroupBy(t => (t.Node, t.Interface)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            return PlacementDecision.Impossible($"two targets name {duplicate.Key.Interface} on {duplicate.Key.Node}: one agent per interface");
        return new PlacementDecision(targets.Select(t => new AgentSlot(t.Node, t.Interface, t.DstMac)).ToList(), null);
    }

    private static bool Matches(V1Node node, IDictionary<string, string> selector) =>
        selector.All(pair => node.Metadata.Labels?.TryGetValue(pair.Key, out string? value) == true && value == pair.Value);

    private static bool IsUsable(V1Node node, IList<V1Toleration>? tolerations) =>
        node.Spec?.Unschedulable != true
        && node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true
        && (node.Spec?.Taints ?? []).Where(t => t.Effect is "NoSchedule" or "NoExecute").All(t => Tolerates(tolerations, t));

    private static bool Tolerates(IList<V1Toleration>? tolerations, V1Taint taint) =>
        tolerations?.Any(t =>
            (t.Effect is null || t.Effect == taint.Effect)
            && (t.Key is null && t.OperatorProperty == "Exists"
                || t.Key == taint.Key && (t.OperatorProperty == "Exists" || t.Value == taint.Value))) == true;
}
