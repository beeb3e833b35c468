using Flowgen.Contract;
using k8s.Models;

namespace Flowgen.Operator.Agents;

/// <summary>Everything one agent pod is made of: which flow, where, and the agent's command line.</summary>
internal sealed record AgentPodRequest(
    string FlowNamespace,
    string FlowName,
    string FlowUid,
    string Node,
    string Interface,
    AgentOptions Agent,
    string Image,
    string TokenSecretName,
    bool Privileged,
    V1ResourceRequirements? Resources = null,
    IList<V1Toleration>? Tolerations = null);
