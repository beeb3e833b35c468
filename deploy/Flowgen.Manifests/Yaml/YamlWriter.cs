using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgen.Manifests.Templating;

namespace Flowgen.Manifests.Yaml;

/// <summary>
/// Writes a JSON tree as block-style YAML the way kubectl prints it (lists not indented under their
/// key, two spaces a level, multi-line text as a literal block). Holes are written by
/// <paramref name="holes"/>; without one, a hole left in the tree is an error.
/// </summary>
public sealed class YamlWriter(IHoleWriter? holes = null)
{
    private const int Step = 2;

    public string Write(JsonObject document)
    {
        var output = new StringBuilder();
        WriteMap(document, 0, output);
        return output.ToString();
    }

    private void WriteMap(JsonObject map, int indent, StringBuilder output)
    {
        foreach (var (key, value) in map)
            WriteEntry($"{new string(' ', indent)}{YamlScalars.Format(key)}:", value, indent, output);
    }

    private void WriteEntry(string prefix, JsonNode? value, int indent, StringBuilder output)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                output.Append(prefix).Append('\n');
                WriteMap(map, indent + Step, output);
                break;
            case JsonArray { Count: > 0 } list:
                output.Append(prefix).Append('\n');
                WriteList(list, indent, output);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String && Hole.Read(scalar.GetValue<string>()) is { } hole and not TextHole:
                WriteContentHole(prefix, hole, indent + Step, output);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>().Contains('\n'):
                WriteLiteral(prefix, scalar.GetValue<string>(), indent + Step, output);
                break;
            default:
                output.Append(prefix).Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private void WriteList(JsonArray list, int indent, StringBuilder output)
    {
        string dash = $"{new string(' ', indent)}- ";
        foreach (var item in list)
        {
            if (item is JsonObject { Count: > 0 } map)
            {
                var nested = new StringBuilder();
                WriteMap(map, indent + Step, nested);
                output.Append(dash).Append(nested.ToString(indent + Step, nested.Length - indent - Step));
            }
            else if (item is JsonArray { Count: > 0 })
            {
                throw new NotSupportedException("a list directly inside a list");
            }
            else
            {
                output.Append(dash).Append(Scalar(item)).Append('\n');
            }
        }
    }

    private void WriteContentHole(string prefix, Hole hole, int indent, StringBuilder output)
    {
        var writer = holes ?? throw Unresolved(hole);
        bool text = hole is FileHole { IsYaml: false };
        output.Append(prefix).Append(text ? " |-" : "").Append('\n')
            .Append(new string(' ', indent)).Append(writer.Content(hole, indent)).Append('\n');
    }

    private static void WriteLiteral(string prefix, string text, int indent, StringBuilder output)
    {
        string margin = new(' ', indent);
        output.Append(prefix).Append(text.EndsWith('\n') ? " |" : " |-").Append('\n');
        foreach (string line in text.TrimEnd('\n').Split('\n'))
            output.Append(line.Length == 0 ? "" : margin).Append(line).Append('\n');
    }

    private string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => StringScalar(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            var kind => throw new NotSupportedException($"JSON {kind}"),
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private string StringScalar(string text) => Hole.Read(text) switch
    {
        null => YamlScalars.Format(text),
        TextHole hole => (holes ?? throw Unresolved(hole)).Scalar(hole),
        var hole => throw new NotSupportedException($"{hole} stands for a whole value, not a scalar in a list"),
    };

    private static InvalidOperationException Unresolved(Hole hole) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{hole} left in a manifest that has no template"));
}
