using Flowgen.Operator.Agents;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>The Kubernetes objects around a flow: its agent pods, its token Secret, the nodes. Calls only, no decisions.</summary>
internal sealed class FlowCluster(IKubernetes client)
{
    private const string AnyAgent = $"{AgentPodLabels.Name}={AgentPodLabels.NameValue}";

    public async Task<IReadOnlyList<V1Node>> NodesAsync(CancellationToken ct) =>
        (await client.CoreV1.ListNodeAsync(cancellationToken: ct)).Items.ToList();

    public async Task<IReadOnlyList<V1Pod>> FlowPodsAsync(TrafficFlow flow, CancellationToken ct) =>
        (await client.CoreV1.ListNamespacedPodAsync(
            flow.Metadata.NamespaceProperty, labelSelector: AgentPodLabels.SelectorFor(flow.Metadata.Name), cancellationToken: ct)).Items.ToList();

    /// <summary>Every agent pod of every flow: control ports are per node, across namespaces.</summary>
    public async Task<IReadOnlyList<V1Pod>> AllAgentPodsAsync(CancellationToken ct) =>
        (await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: AnyAgent, cancellationToken: ct)).Items.ToList();

    public Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken ct) =>
        client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: ct);

    public async Task DeletePodAsync(V1Pod pod, CancellationToken ct)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
        }
    }

    /// <summary>The flow's token, creating its Secret on first use.</summary>
    public async Task<string> EnsureTokenAsync(TrafficFlow flow, CancellationToken ct)
    {
        string ns = flow.Metadata.NamespaceProperty, name = FlowToken.SecretName(flow.Metadata.Name);
        V1Secret secret;
        try
        {
            secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            secret = await client.CoreV1.CreateNamespacedSecretAsync(FlowToken.NewSecret(flow), ns, cancellationToken: ct);
        }
        return FlowToken.Read(secret) ?? throw new InvalidOperationException($"secret {ns}/{name} holds no {AgentPodRenderer.TokenKey}");
    }
}
