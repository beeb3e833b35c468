using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Api;
using Prometheus;

namespace Flowgen.Tests.Operator.Monitoring;

/// <summary>
/// The Grafana dashboard's structure and names, without Prometheus (the kernel tests run every query
/// against a real one).
/// </summary>
public sealed partial class DashboardFileTests
{
    private const string DataSource = "${datasource}";
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];
    private static readonly string DashboardFile = Path.Combine(RepoFiles.Root, "config", "grafana", "flowgen-dashboard.json");

    [Fact]
    public void The_dashboard_is_a_Grafana_model_with_its_uid_and_variables()
    {
        var dashboard = Load();

        Assert.Equal(("flowgen", "Flowgen"), ((string?)dashboard["uid"], (string?)dashboard["title"]));
        Assert.InRange((int)dashboard["schemaVersion"]!, 36, 41);
        var variables = dashboard["templating"]!["list"]!.AsArray();
        Assert.Equal(["datasource", "namespace", "flow"], variables.Select(v => (string?)v!["name"]));
        Assert.Equal(("datasource", "prometheus"), ((string?)variables[0]!["type"], (string?)variables[0]!["query"]));
        Assert.Equal((true, true), ((bool?)variables[2]!["multi"], (bool?)variables[2]!["includeAll"]));
    }

    [Fact]
    public void Every_panel_has_a_unique_id_a_title_the_datasource_variable_and_queries()
    {
        var all = AllPanels(Load()).ToList();
        var panels = all.Where(p => (string?)p["type"] != "row").ToList();

        Assert.Equal(all.Count, all.Select(p => (int)p["id"]!).Distinct().Count());
        Assert.Equal(["Traffic", "Errors", "Sizes and flows", "Latency", "Loss and ordering", "TCP", "Agents", "Operator"], all.Where(p => (string?)p["type"] == "row").Select(p => (string?)p["title"]));
        Assert.NotEmpty(panels);
        Assert.All(panels, panel =>
        {
            var title = (string?)panel["title"];
            var targets = panel["targets"]?.AsArray() ?? [];
            Assert.False(string.IsNullOrWhiteSpace(title), panel.ToJsonString());
            Assert.Equal(DataSource, (string?)panel["datasource"]?["uid"]);
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.Equal(DataSource, (string?)t!["datasource"]?["uid"]));
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["expr"]), $"{title}: a target without expr"));
            Assert.Equal(targets.Count, targets.Select(t => (string?)t!["refId"]).Distinct().Count());
        });
    }

    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_one_the_agent_or_the_operator_exports()
    {
        var exported = AgentMetricsInReadme().Concat(await OperatorMetricNames()).ToHashSet();
        var queried = AllPanels(Load()).SelectMany(p => p["targets"]?.AsArray() ?? [])
            .SelectMany(t => MetricName().Matches((string)t!["expr"]!).Select(m => m.Value))
            .Distinct().ToList();

        Assert.Contains("flowgen_packets_sent_total", exported);
        Assert.Contains("flowgen_operator_leader", exported);
        Assert.Contains("flowgen_tcp_bytes_acknowledged_total", exported);
        Assert.Contains("flowgen_latency_rtt_seconds_bucket", exported);
        Assert.NotEmpty(queried);
        var unknown = queried.Except(exported).ToList();
        Assert.True(unknown.Count == 0, $"queried but exported by nobody: {string.Join(", ", unknown)}");
        // The TCP row shows every TCP metric the agent exports.
        Assert.Subset(queried.ToHashSet(), exported.Where(name => name.StartsWith("flowgen_tcp_", StringComparison.Ordinal)).ToHashSet());
        // So do the sizes, flows and latency rows.
        Assert.Subset(queried.ToHashSet(), new HashSet<string> { "flowgen_packets_sent_by_size_total", "flowgen_job_flows", "flowgen_latency_rtt_seconds_bucket" });
        // The loss and ordering row shows what a verifying sink exports.
        Assert.Subset(queried.ToHashSet(), new HashSet<string>
        {
            "flowgen_sink_packets_received_total", "flowgen_sink_probes_expected_total", "flowgen_sink_probes_received_total",
            "flowgen_sink_probes_lost", "flowgen_sink_probes_duplicated_total", "flowgen_sink_probes_reordered_total",
        });
    }

    [GeneratedRegex(@"\bflowgen_\w+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^\| `(?<name>flowgen_\w+)[^`]*` \| (?<type>\w+) ")]
    private static partial Regex ReadmeMetricRow();

    private static JsonNode Load() => JsonNode.Parse(File.ReadAllText(DashboardFile))!;

    /// <summary>Top-level panels and those inside rows.</summary>
    private static IEnumerable<JsonNode> AllPanels(JsonNode dashboard) =>
        dashboard["panels"]!.AsArray().SelectMany(p => new[] { p! }.Concat(p!["panels"]?.AsArray().Select(n => n!) ?? []));

    /// <summary>
    /// The agent's series as the README's metrics table lists them (the agent project is not referenced here):
    /// a histogram's are its _bucket, _sum and _count.
    /// </summary>
    private static IEnumerable<string> AgentMetricsInReadme() =>
        File.ReadLines(Path.Combine(RepoFiles.Root, "README.md"))
            .Select(line => ReadmeMetricRow().Match(line))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["type"].Value == "histogram"
                ? HistogramSuffixes.Select(suffix => m.Groups["name"].Value + suffix)
                : [m.Groups["name"].Value]);

    /// <summary>Every series name the operator exports once each of its metrics has a value (histograms with _bucket, _sum, _count).</summary>
    private static async Task<IEnumerable<string>> OperatorMetricNames()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new OperatorMetrics(registry);
        metrics.Reconciled("success", TimeSpan.FromMilliseconds(1));
        metrics.WatchRestarted("pods");
        metrics.SetLeader(true);
        metrics.SetFlowsByPhase(new Dictionary<string, int> { ["Running"] = 1 });
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Where(line => line.StartsWith("flowgen_", StringComparison.Ordinal))
            .Select(line => line[..line.IndexOfAny(['{', ' '])]);
    }
}
