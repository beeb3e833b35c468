using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Flowgen.Tests.Operator.Install;

/// <summary>
/// A stand-in for <c>helm template</c> (no Helm binary here), written independently of the chart's
/// generator: Go template actions <c>{{ }}</c> with <c>{{-</c>/<c>-}}</c> trimming, <c>if</c>/<c>end</c>, and pipelines
/// of <c>.Values.x</c>, <c>.Release.Namespace</c>, <c>.Files.Get</c>, <c>toYaml</c>, <c>quote</c>, <c>indent</c>, <c>nindent</c>.
/// Anything else fails loudly, so the chart can't quietly use what this can't check.
/// </summary>
internal sealed partial class HelmTemplate(JsonObject values, string releaseNamespace, Func<string, string> readFile)
{
    public string Render(string template)
    {
        var output = new StringBuilder();
        var conditions = new Stack<bool>();
        int at = 0;
        bool trimNext = false;
        foreach (Match action in Action().Matches(template))
        {
            string text = template[at..action.Index];
            if (trimNext)
                text = text.TrimStart();
            if (action.Groups["left"].Success)
                text = text.TrimEnd();
            bool emitting = conditions.All(c => c);
            if (emitting)
                output.Append(text);
            at = action.Index + action.Length;
            trimNext = action.Groups["right"].Success;

            string body = action.Groups["body"].Value.Trim();
            if (body.StartsWith("if ", StringComparison.Ordinal))
                conditions.Push(emitting && IsTrue(Evaluate(body[3..])));
            else if (body == "end")
                conditions.Pop();
            else if (emitting)
                output.Append(Text(Evaluate(body)));
        }
        string rest = template[at..];
        output.Append(trimNext ? rest.TrimStart() : rest);
        return conditions.Count == 0 ? output.ToString() : throw new FormatException("an if without its end");
    }

    private JsonNode? Evaluate(string pipeline)
    {
        var stages = pipeline.Split('|', StringSplitOptions.TrimEntries);
        JsonNode? value = Command(stages[0]);
        foreach (string stage in stages.Skip(1))
        {
            var words = stage.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            value = words switch
            {
                ["quote"] => JsonValue.Create($"\"{Text(value)}\""),
                ["indent", var n] => JsonValue.Create(Indent(Text(value), int.Parse(n, CultureInfo.InvariantCulture))),
                ["nindent", var n] => JsonValue.Create("\n" + Indent(Text(value), int.Parse(n, CultureInfo.InvariantCulture))),
                _ => throw new NotSupportedException($"template function '{stage}'"),
            };
        }
        return value;
    }

    private JsonNode? Command(string command) => command.Split(' ', 2, StringSplitOptions.TrimEntries) switch
    {
        [".Release.Namespace"] => JsonValue.Create(releaseNamespace),
        [var path] when path.StartsWith(".Values.", StringComparison.Ordinal) => Lookup(path[".Values.".Length..]),
        [".Files.Get", var file] => JsonValue.Create(readFile(Unquote(file))),
        ["toYaml", var argument] => JsonValue.Create(ToYaml(Command(argument))),
        [var literal] when literal.StartsWith('"') => JsonValue.Create(Unquote(literal)),
        _ => throw new NotSupportedException($"template command '{command}'"),
    };

    private JsonNode? Lookup(string path)
    {
        JsonNode? node = values;
        foreach (string key in path.Split('.'))
            node = node is JsonObject map && map.TryGetPropertyValue(key, out var child) ? child : throw new KeyNotFoundException($".Values.{path}");
        return node;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => throw new NotSupportedException($"printing a {node.GetValueKind()} without toYaml"),
    };

    private static bool IsTrue(JsonNode? node) => node switch
    {
        null => false,
        JsonObject map => map.Count > 0,
        JsonArray list => list.Count > 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => value.GetValue<double>() != 0,
            _ => false,
        },
        _ => false,
    };

    // Helm's toYaml: sigs.k8s.io/yaml's output without the final newline.
    private static string ToYaml(JsonNode? node) => new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(Plain(node)).TrimEnd('\n');

    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject map => map.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray list => list.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => value.GetValue<double>(),
        },
        _ => null,
    };

    private static string Indent(string text, int spaces)
    {
        string margin = new(' ', spaces);
        return margin + text.Replace("\n", "\n" + margin, StringComparison.Ordinal);
    }

    private static string Unquote(string literal) => JsonSerializer.Deserialize<string>(literal)!;

    [GeneratedRegex(@"\{\{(?<left>-\s)?(?<body>.*?)(?<right>\s-)?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();
}
