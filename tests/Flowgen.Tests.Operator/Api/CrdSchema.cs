using System.Text.Json.Nodes;
using Flowgen.Operator.Api;
using k8s;

namespace Flowgen.Tests.Operator.Api;

/// <summary>The generated CRD's parts as JSON, the form the API server (and the emulator) reads.</summary>
internal static class CrdSchema
{
    public static JsonObject OpenApiV3 => (JsonObject)JsonNode.Parse(
        KubernetesJson.Serialize(TrafficFlowCrd.Build().Spec.Versions.Single().Schema.OpenAPIV3Schema))!;

    /// <summary>The schema of a dotted path such as <c>.spec.udp.dstPort</c>; null when there is none.</summary>
    public static JsonObject? At(string path)
    {
        JsonObject? schema = OpenApiV3;
        foreach (var name in path.TrimStart('.').Split('.'))
        {
            schema = schema?["properties"]?[name] as JsonObject;
        }

        return schema;
    }
}
