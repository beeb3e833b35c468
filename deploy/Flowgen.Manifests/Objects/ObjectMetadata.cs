using System.Text.Json.Nodes;
using Flowgen.Manifests.Templating;

namespace Flowgen.Manifests.Objects;

/// <summary>metadata blocks: cluster-scoped, or in the release's namespace.</summary>
internal static class ObjectMetadata
{
    public static JsonObject Cluster(string name, JsonNode? labels = null) => With(new JsonObject { ["name"] = name }, labels);

    public static JsonObject InRelease(string name, JsonNode? labels = null) =>
        With(new JsonObject { ["name"] = name, ["namespace"] = Hole.Value(Hole.ReleaseNamespace) }, labels);

    private static JsonObject With(JsonObject metadata, JsonNode? labels)
    {
        if (labels is not null)
            metadata["labels"] = labels;
        return metadata;
    }
}
