using Flowgen.Tests.Operator.Api;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Rbac;

/// <summary>The operator's ClusterRole, config/rbac/role.yaml, as the set of permissions it grants.</summary>
internal static class OperatorRole
{
    public static string FilePath => Path.Combine(RepoFiles.Root, "config", "rbac", "role.yaml");

    public static IReadOnlySet<ApiPermission> Grants()
    {
        var role = KubernetesYaml.Deserialize<V1ClusterRole>(File.ReadAllText(FilePath));
        return role.Rules
            .SelectMany(rule => rule.ApiGroups.SelectMany(group => rule.Resources.SelectMany(resource =>
                rule.Verbs.Select(verb => new ApiPermission(group, resource, verb)))))
            .ToHashSet();
    }
}
