using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Install;

/// <summary>charts/flowgen on disk, rendered as <c>helm install</c> would create it: crds/ first, then the templates.</summary>
internal static class Chart
{
    public const string ReleaseNamespace = "flowgen-system";

    public static string Directory => Path.Combine(RepoFiles.Root, "charts", "flowgen");

    public static JsonObject DefaultValues => YamlJson.Parse(File.ReadAllText(Path.Combine(Directory, "values.yaml")));

    /// <summary>The chart's objects with values.yaml overlaid by <paramref name="overrides"/> (helm's --set / -f).</summary>
    public static IReadOnlyList<JsonObject> Render(JsonObject? overrides = null)
    {
        var values = DefaultValues;
        if (overrides is not null)
            Overlay(values, overrides);
        var template = new HelmTemplate(values, ReleaseNamespace, path => File.ReadAllText(Path.Combine(Directory, path)));
        var crds = System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "crds"), "*.yaml").Order().Select(File.ReadAllText);
        var templates = System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "templates"), "*.yaml").Order()
            .Select(f => template.Render(File.ReadAllText(f)));
        return [.. crds.Concat(templates).SelectMany(YamlJson.ParseAll)];
    }

    /// <summary>Helm's merge of values: maps merge key by key, anything else replaces.</summary>
    public static void Overlay(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
                Overlay(existing, nested);
            else
                target[key] = value?.DeepClone();
        }
    }
}
