using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Validation;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Api;

/// <summary>The committed CRD file's schema, applied the way the API server applies it (the emulator's generic validation).</summary>
internal static class CommittedCrd
{
    private static readonly Lazy<CustomResourceSchema> Loaded = new(() =>
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(RepoFiles.CrdFile));
        var schema = crd.Spec.Versions.Single().Schema.OpenAPIV3Schema;
        return new CustomResourceSchema((JsonObject)JsonNode.Parse(KubernetesJson.Serialize(schema))!);
    });

    public static CustomResourceSchema Schema => Loaded.Value;
}
