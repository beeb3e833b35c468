using System.Text.Json.Nodes;

namespace Flowgen.Manifests.Values;

/// <summary>One setting of the chart: its dotted path in values.yaml, default, JSON Schema and what it does.</summary>
public sealed record ChartValue(string Path, JsonNode? Default, JsonObject Schema, string Description)
{
    public IReadOnlyList<string> Keys => Path.Split('.');
}
