using System.Security.Cryptography;
using Flowgen.Operator.Agents;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>The per-flow bearer token: agents accept control requests only with it. Kept in a Secret the flow owns.</summary>
internal static class FlowToken
{
    private const int Bytes = 32;

    public static string SecretName(string flowName) => $"{flowName}-agent-token";

    public static V1Secret NewSecret(TrafficFlow flow) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = SecretName(flow.Metadata.Name),
            NamespaceProperty = flow.Metadata.NamespaceProperty,
            Labels = new Dictionary<string, string>
            {
                [AgentPodLabels.ManagedBy] = AgentPodLabels.ManagedByValue,
                [AgentPodLabels.Flow] = flow.Metadata.Name,
            },
            OwnerReferences = [OwnerReferences.ControllerReference(flow)],
        },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]>
        {
            [AgentPodRenderer.TokenKey] = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes))),
        },
    };

    public static string? Read(V1Secret secret) =>
        secret.Data?.TryGetValue(AgentPodRenderer.TokenKey, out byte[]? token) == true
            ? System.Text.Encoding.ASCII.GetString(token)
            : null;
}
