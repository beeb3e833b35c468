namespace Flowgen.Manifests.Layout;

/// <summary>The names one install of Flowgen uses.</summary>
public static class Release
{
    public const string ChartVersion = "0.1.0";
    public const string AppVersion = "0.1.0";

    /// <summary>Where kustomize puts the operator; the chart uses the release's namespace.</summary>
    public const string DefaultNamespace = "flowgen-system";

    public const string OperatorName = "flowgen-operator";
    public const string PartOf = "flowgen";
}
