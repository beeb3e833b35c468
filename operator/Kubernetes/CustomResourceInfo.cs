namespace Flowgen.Operator.Kubernetes;

/// <summary>Where a custom resource lives in the API: /apis/{Group}/{Version}/namespaces/{ns}/{Plural}.</summary>
public sealed record CustomResourceInfo(string Group, string Version, string Kind, string Plural)
{
    public string ApiVersion => $"{Group}/{Version}";
}
