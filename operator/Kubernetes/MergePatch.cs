using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>JSON merge patches (RFC 7386) as the API server takes them.</summary>
public static class MergePatch
{
    /// <summary>
    /// Wraps a patch body. Putting metadata.resourceVersion in a patch makes the server apply it only
    /// if the object is still at that version, and answer 409 Conflict otherwise.
    /// </summary>
    public static V1Patch Create(JsonObject body, string? expectedResourceVersion = null)
    {
        if (expectedResourceVersion is not null)
        {
            var metadata = body["metadata"] as JsonObject ?? [];
            metadata["resourceVersion"] = expectedResourceVersion;
            body["metadata"] = metadata;
        }
        return new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch);
    }

    /// <summary>Any value the client would send, as a JSON node (KubernetesClient's serializer, so model names match).</summary>
    public static JsonNode? ToNode(object? value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));
}
