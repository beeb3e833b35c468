using Flowgen.Contract;
using Flowgen.Operator.Agents;
using Flowgen.Operator.Api;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>Which agent pods a flow needs, which of its pods are in the way, and how a new one looks.</summary>
internal static class AgentPods
{
    /// <summary>
    /// The pod for <paramref name="slot"/>; its control port is the lowest one no other agent on that node uses,
    /// its image the spec's or else <paramref name="defaultImage"/>.
    /// </summary>
    /// <exception cref="UsageException">The spec holds something the agent would refuse.</exception>
    /// <exception cref="InvalidOperationException">Every control port on the node is taken.</exception>
    public static V1Pod Render(TrafficFlow flow, AgentSlot slot, IEnumerable<V1Pod> agentPodsInCluster, string defaultImage)
    {
        int port = ControlPorts.Choose(PortsUsedOn(slot.Node, agentPodsInCluster))
            ?? throw new InvalidOperationException($"no free agent control port left on node {slot.Node}");
        var agents = flow.Spec.Agents;
        var options = new AgentOptions
        {
            Port = port,
            TokenFile = $"{AgentPodRenderer.TokenDirectory}/{AgentPodRenderer.TokenKey}",
            Flow = $"{flow.Metadata.NamespaceProperty}/{flow.Metadata.Name}",
            Job = flow.Spec.ToJob(slot.Interface, slot.DstMac),
        };
        return AgentPodRenderer.Render(new AgentPodRequest(
            flow.Metadata.NamespaceProperty, flow.Metadata.Name, flow.Metadata.Uid, slot.Node, slot.Interface, options,
            agents.Image ?? defaultImage, FlowToken.SecretName(flow.Metadata.Name), agents.Privileged, agents.Resources, agents.Tolerations));
    }

    /// <summary>Why the agent would refuse the job of some slot (the message says which field), or null.</summary>
    public static string? JobProblem(TrafficFlow flow, IEnumerable<AgentSlot> slots)
    {
        try
        {
            foreach (var slot in slots)
                flow.Spec.ToJob(slot.Interface, slot.DstMac);
            return null;
        }
        catch (UsageException e)
        {
            return e.Message;
        }
    }

    /// <summary>The slot's pod among the flow's pods, by its stable name.</summary>
    public static V1Pod? For(AgentSlot slot, string flowName, IEnumerable<V1Pod> flowPods)
    {
        string name = AgentPodName.For(flowName, slot.Node, slot.Interface);
        return flowPods.FirstOrDefault(pod => pod.Metadata.Name == name);
    }

    /// <summary>Control ports taken on <paramref name="node"/> by agent pods whose agent may still listen (not yet exited).</summary>
    public static IEnumerable<int> PortsUsedOn(string node, IEnumerable<V1Pod> agentPods) =>
        agentPods
            .Where(pod => pod.Metadata.Annotations?.TryGetValue(AgentPodLabels.Node, out string? on) == true && on == node)
            .Where(pod => pod.Status?.Phase is not ("Succeeded" or "Failed"))
            .Select(AgentAddress.PortOf)
            .OfType<int>();

    public static bool IsGoing(V1Pod pod) => pod.Metadata.DeletionTimestamp is not null;
}
