using Flowgen.Manifests.Objects;

namespace Flowgen.Manifests.Layout;

/// <summary>Every templated object of the install, in the order kustomize lists them.</summary>
public static class InstallManifests
{
    public static IReadOnlyList<Manifest> All { get; } =
    [
        OperatorRbac.ServiceAccount(),
        OperatorRbac.ClusterRole(),
        OperatorRbac.ClusterRoleBinding(),
        SystemNamespace.Build(),
        OperatorDeployment.Build(),
        OperatorService.Build(),
        DashboardConfigMap.Build(),
        Monitors.Agents(),
        Monitors.Operator(),
        Monitors.Alerts(),
    ];
}
