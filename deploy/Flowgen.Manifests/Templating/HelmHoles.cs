using System.Text;
using Flowgen.Manifests.Values;
using Flowgen.Manifests.Yaml;

namespace Flowgen.Manifests.Templating;

/// <summary>Writes holes as Helm template actions: <c>.Values</c> references, <c>toYaml</c> blocks, <c>.Files.Get</c>.</summary>
public sealed class HelmHoles : IHoleWriter
{
    public string Scalar(TextHole hole)
    {
        if (hole.SoleReference is { } path)
            return path == Hole.ReleaseNamespace ? Action(path) : ChartValues.IsText(path) ? $"{{{{ {Reference(path)} | quote }}}}" : Action(path);
        var text = new StringBuilder("\"");
        foreach (var part in hole.Parts)
            text.Append(part.IsReference ? Action(part.Text) : Literal(part.Text));
        return text.Append('"').ToString();
    }

    public string Content(Hole hole, int indent) => hole switch
    {
        BlockHole block => $"{{{{- toYaml {Reference(block.Path)} | nindent {indent} }}}}",
        FileHole file => $"{{{{- .Files.Get \"{file.ChartPath}\" | nindent {indent} }}}}",
        _ => throw new NotSupportedException($"{hole} is a scalar"),
    };

    private static string Action(string path) => $"{{{{ {Reference(path)} }}}}";

    private static string Reference(string path)
    {
        if (path == Hole.ReleaseNamespace)
            return path;
        _ = ChartValues.Default(path); // a typo in a path fails here, not in someone's helm install
        return $".Values.{path}";
    }

    private static string Literal(string text) =>
        text.Contains('"') || text.Contains('\\') || text.Contains("{{", StringComparison.Ordinal)
            ? throw new NotSupportedException($"text '{text}' would need escaping in a template")
            : text;
}
