using k8s.Models;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// Whether a pod belongs to a node. There is no scheduler here: the local kubelet takes the pods bound
/// to its node by <c>spec.nodeName</c>, and those a required node affinity pins to it by name
/// (<c>matchFields metadata.name In [node]</c>), which is how the operator places agent pods.
/// Other affinity terms are not evaluated.
/// </summary>
public static class NodeBinding
{
    public static bool IsOn(V1Pod pod, string node) =>
        pod.Spec?.NodeName == node
        || (pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [])
            .SelectMany(term => term.MatchFields ?? [])
            .Any(field => field is { Key: "metadata.name", OperatorProperty: "In" } && field.Values?.Contains(node) == true);
}
