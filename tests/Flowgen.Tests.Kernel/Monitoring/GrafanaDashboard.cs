using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>A panel that shows data (not a row), with its data source and queries.</summary>
public sealed record GrafanaPanel(string Title, string Type, JsonNode? Datasource, IReadOnlyList<GrafanaTarget> Targets);

/// <summary>One query of a panel: its expression, whether Grafana runs it as an instant query, its legend and data source.</summary>
public sealed record GrafanaTarget(string RefId, string Expr, bool Instant, string Legend, JsonNode? Datasource);

/// <summary>A dashboard variable whose values come from <c>label_values(SELECTOR, LABEL)</c>.</summary>
public sealed partial record LabelValuesVariable(string Name, string Selector, string Label)
{
    [GeneratedRegex(@"^\s*label_values\(\s*(?<selector>.+?)\s*,\s*(?<label>\w+)\s*\)\s*$")]
    private static partial Regex Syntax();

    public static LabelValuesVariable? TryParse(string name, string query) =>
        Syntax().Match(query) is { Success: true } m ? new(name, m.Groups["selector"].Value, m.Groups["label"].Value) : null;
}

/// <summary>
/// config/grafana/flowgen-dashboard.json, read as Grafana reads it: panels at the top level and inside
/// (collapsed) rows, their Prometheus targets, and the query variables.
/// </summary>
public sealed class GrafanaDashboard
{
    readonly JsonNode _root;

    GrafanaDashboard(JsonNode root) => _root = root;

    public static string FilePath { get; } = FindFile();

    public static GrafanaDashboard Load() =>
        new(JsonNode.Parse(File.ReadAllText(FilePath)) ?? throw new InvalidDataException($"{FilePath} is null"));

    /// <summary>Every panel but the rows, in the order they appear, those inside rows included.</summary>
    public IReadOnlyList<GrafanaPanel> Panels => Flatten(_root["panels"]?.AsArray() ?? []).ToList();

    /// <summary>The <c>label_values</c> query variables, in their order.</summary>
    public IReadOnlyList<LabelValuesVariable> LabelValuesVariables =>
        (_root["templating"]?["list"]?.AsArray() ?? [])
            .Where(v => (string?)v?["type"] == "query")
            .Select(v => LabelValuesVariable.TryParse((string)v!["name"]!, VariableQuery(v!)))
            .Select((v, i) => v ?? throw new InvalidDataException($"query variable #{i} is not a label_values() query"))
            .ToList();

    /// <summary>The names of the dashboard's variables.</summary>
    public IReadOnlyList<string> VariableNames =>
        (_root["templating"]?["list"]?.AsArray() ?? []).Select(v => (string)v!["name"]!).ToList();

    static IEnumerable<GrafanaPanel> Flatten(JsonArray panels)
    {
        foreach (var panel in panels.OfType<JsonObject>())
        {
            if ((string?)panel["type"] == "row")
            {
                foreach (var nested in Flatten(panel["panels"]?.AsArray() ?? []))
                    yield return nested;
                continue;
            }
            var targets = (panel["targets"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(t => new GrafanaTarget((string?)t["refId"] ?? "", (string?)t["expr"] ?? "",
                    (bool?)t["instant"] == true && (bool?)t["range"] != true, (string?)t["legendFormat"] ?? "", t["datasource"]))
                .ToList();
            yield return new GrafanaPanel((string?)panel["title"] ?? "", (string?)panel["type"] ?? "", panel["datasource"], targets);
        }
    }

    // Grafana 10+ stores {"query": "...", "qryType": 1, …}; older dashboards a plain string.
    static string VariableQuery(JsonNode variable) =>
        variable["query"] switch
        {
            JsonValue text => (string)text!,
            JsonObject query => (string?)query["query"] ?? "",
            _ => "",
        };

    static string FindFile([CallerFilePath] string source = "")
    {
        for (var dir = Path.GetDirectoryName(source); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var file = Path.Combine(dir, "config", "grafana", "flowgen-dashboard.json");
            if (File.Exists(file))
                return file;
        }
        throw new FileNotFoundException($"no config/grafana/flowgen-dashboard.json above {source}");
    }
}
