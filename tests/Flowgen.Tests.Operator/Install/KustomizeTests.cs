using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;
using Flowgen.Tests.Operator.Api;
using Flowgen.Tests.Operator.Monitoring;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Install;

/// <summary>What the real <c>kubectl kustomize</c> renders from config/, read strictly.</summary>
public sealed class KustomizeTests
{
    [Fact]
    public async Task The_default_install_renders_and_every_object_reads_strictly_into_its_kubernetes_model()
    {
        string yaml = await Kustomize.RenderYamlAsync("default");

        // strict: a field the model doesn't know (a typo, a wrong level) throws instead of vanishing.
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);

        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "ConfigMap", "CustomResourceDefinition", "Deployment", "Namespace", "Service", "ServiceAccount"],
            objects.Select(o => ((IKubernetesObject)o).Kind).Order(StringComparer.Ordinal));
        var deployment = objects.OfType<V1Deployment>().Single();
        Assert.Equal("flowgen-system", deployment.Metadata.NamespaceProperty);
        Assert.Equal(deployment.Spec.Template.Spec.ServiceAccountName, objects.OfType<V1ServiceAccount>().Single().Metadata.Name);
    }

    [Fact]
    public async Task A_field_no_model_knows_is_refused_by_the_strict_reading()
    {
        string yaml = (await Kustomize.RenderYamlAsync("default")).Replace("serviceAccountName:", "serviceAcountName:", StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, strict: true));
    }

    [Fact]
    public async Task The_dashboard_configmap_holds_the_dashboard_file_with_the_sidecar_label()
    {
        var map = KubernetesYaml.LoadAllFromString(await Kustomize.RenderYamlAsync("default"), strict: true).OfType<V1ConfigMap>().Single();
        string dashboard = File.ReadAllText(Path.Combine(RepoFiles.Root, "config", "grafana", "flowgen-dashboard.json"));

        Assert.Equal("1", map.Metadata.Labels["grafana_dashboard"]);
        Assert.Equal(dashboard.TrimEnd('\n'), map.Data["flowgen.json"]);
    }

    [Fact]
    public async Task Every_sample_renders_and_passes_the_crd_schema()
    {
        var samples = await Kustomize.RenderAsync("samples");

        Assert.Equal(RepoFiles.Samples.Count(), samples.Count);
        foreach (var sample in samples)
            Assert.Empty(CommittedCrd.Schema.Admit(sample));
    }

    [Fact]
    public async Task The_prometheus_overlay_renders_monitors_and_a_rule_with_the_tested_alerts()
    {
        var objects = RenderedObjects.ByKey(await Kustomize.RenderAsync("prometheus"));
        var rule = objects["PrometheusRule/flowgen-system/flowgen-alerts"];
        var rulesFile = YamlJson.Parse(File.ReadAllText(Path.Combine(RepoFiles.Root, "config", "prometheus", "flowgen-alerts.rules.yaml")));

        Assert.True(JsonNode.DeepEquals(rulesFile, rule["spec"]), "the PrometheusRule's spec is not the rules file promtool tests");
        var agents = objects["PodMonitor/flowgen-system/flowgen-agents"];
        Assert.Equal("flowgen-agent", agents["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/name"]!.GetValue<string>());
        Assert.Equal("control", agents["spec"]!["podMetricsEndpoints"]![0]!["port"]!.GetValue<string>());
        var operatorMonitor = objects["ServiceMonitor/flowgen-system/flowgen-operator"];
        Assert.Equal("metrics", operatorMonitor["spec"]!["endpoints"]![0]!["port"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_rendered_prometheus_rule_passes_promtool()
    {
        var rule = (await Kustomize.RenderAsync("prometheus")).Single(o => o["kind"]!.GetValue<string>() == "PrometheusRule");
        string file = Path.Combine(Path.GetTempPath(), $"flowgen-rule-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, rule["spec"]!.ToJsonString());
            var result = await Promtool.RunAsync("check", "rules", "--lint-fatal", file);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
