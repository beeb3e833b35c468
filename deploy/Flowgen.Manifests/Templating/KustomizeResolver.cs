using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Manifests.Values;
using Flowgen.Manifests.Yaml;

namespace Flowgen.Manifests.Templating;

/// <summary>Fills every hole of a manifest with the chart's default: the manifest kustomize installs.</summary>
public sealed class KustomizeResolver(ChartFiles files)
{
    public JsonObject Resolve(JsonObject manifest) => (JsonObject)Resolve((JsonNode)manifest)!;

    private JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Resolve)]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => Fill(value.GetValue<string>()) ?? value.DeepClone(),
        _ => node?.DeepClone(),
    };

    private JsonNode? Fill(string text) => Hole.Read(text) switch
    {
        null => null,
        TextHole { SoleReference: { } path } when path != Hole.ReleaseNamespace => ChartValues.Default(path),
        TextHole hole => JsonValue.Create(Join(hole)),
        BlockHole block => ChartValues.Default(block.Path),
        FileHole { IsYaml: true } file => YamlJson.Parse(files.Read(file.ChartPath)),
        FileHole file => JsonValue.Create(files.Read(file.ChartPath).TrimEnd('\n')),
        var hole => throw new NotSupportedException(hole.ToString()),
    };

    private static string Join(TextHole hole)
    {
        var text = new StringBuilder();
        foreach (var part in hole.Parts)
            text.Append(!part.IsReference ? part.Text : part.Text == Hole.ReleaseNamespace ? Release.DefaultNamespace : Scalar(part.Text));
        return text.ToString();
    }

    private static string Scalar(string path) => ChartValues.Default(path) switch
    {
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        var other => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"{path} ({other?.GetType().Name}) inside text")),
    };
}
