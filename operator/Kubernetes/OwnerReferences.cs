using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// Controller owner references: the garbage collector deletes a dependent once its owner is gone, and
/// blockOwnerDeletion makes a foreground delete of the owner wait for it.
/// </summary>
public static class OwnerReferences
{
    public static V1OwnerReference ControllerReference(IKubernetesObject<V1ObjectMeta> owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Makes <paramref name="owner"/> the controller of <paramref name="dependent"/>; an object has at most one controller.</summary>
    public static void SetController(V1ObjectMeta dependent, IKubernetesObject<V1ObjectMeta> owner)
    {
        var existing = GetController(dependent);
        if (existing is not null && existing.Uid != owner.Metadata.Uid)
        {
            throw new InvalidOperationException(
                $"{dependent.Name} is already controlled by {existing.Kind}/{existing.Name}");
        }
        var others = dependent.OwnerReferences?.Where(r => r.Uid != owner.Metadata.Uid) ?? [];
        dependent.OwnerReferences = [.. others, ControllerReference(owner)];
    }

    public static V1OwnerReference? GetController(V1ObjectMeta meta) =>
        meta.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

    /// <summary>The key of the dependent's controller when it is of the given kind, for mapping e.g. pod events to their flow.</summary>
    public static ObjectKey? ControllerKey(IKubernetesObject<V1ObjectMeta> dependent, string apiVersion, string kind) =>
        GetController(dependent.Metadata) is { } owner && owner.ApiVersion == apiVersion && owner.Kind == kind
            ? new ObjectKey(dependent.Metadata.NamespaceProperty ?? "", owner.Name)
            : null;
}
