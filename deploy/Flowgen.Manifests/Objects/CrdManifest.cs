using Flowgen.Operator.Api;

namespace Flowgen.Manifests.Objects;

/// <summary>The TrafficFlow CRD: generated from operator/Api into crds/, the chart's crds/ and config/crd/.</summary>
internal static class CrdManifest
{
    public static string FileName => TrafficFlowCrd.FileName;

    public static string Yaml() => TrafficFlowCrd.ToYaml();
}
