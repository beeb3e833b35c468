namespace Flowgen.Operator.Agents;

/// <summary>
/// Agents use the node's network (hostNetwork), so two flows' agents on one node need different
/// control ports: each new agent takes the lowest free port of a fixed range on its node.
/// </summary>
internal static class ControlPorts
{
    public const int First = 9500;
    public const int Count = 500;

    /// <summary>The lowest port of the range not in <paramref name="usedOnNode"/>; null when all are taken.</summary>
    public static int? Choose(IEnumerable<int> usedOnNode)
    {
        var used = usedOnNode.ToHashSet();
        for (int port = First; port < First + Count; port++)
        {
            if (!used.Contains(port))
                return port;
        }
        return null;
    }
}
