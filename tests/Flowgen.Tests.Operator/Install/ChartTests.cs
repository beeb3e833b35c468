using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Install;

/// <summary>The Helm chart, rendered by an independent stand-in for helm, against what kustomize renders.</summary>
public sealed class ChartTests
{
    private static readonly JsonObject MonitoringOn = (JsonObject)JsonNode.Parse("""
        { "podMonitor": { "enabled": true }, "serviceMonitor": { "enabled": true }, "prometheusRule": { "enabled": true } }
        """)!;

    [Fact]
    public async Task The_chart_with_default_values_installs_exactly_what_kustomize_renders()
    {
        // kustomize creates the namespace; helm installs into the release's (helm install --create-namespace).
        var kustomize = (await Kustomize.RenderAsync("default")).Where(o => o["kind"]!.GetValue<string>() != "Namespace");

        var differences = RenderedObjects.Differences(kustomize, Chart.Render());
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public async Task The_chart_with_monitoring_on_adds_what_the_prometheus_overlay_renders()
    {
        var kustomize = (await Kustomize.RenderAsync("default")).Concat(await Kustomize.RenderAsync("prometheus"))
            .Where(o => o["kind"]!.GetValue<string>() != "Namespace");

        var differences = RenderedObjects.Differences(kustomize, Chart.Render(MonitoringOn));
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Values_reach_the_objects_they_name()
    {
        var values = (JsonObject)JsonNode.Parse("""
            {
              "operator": {
                "image": { "repository": "registry.example/flowgen-operator", "tag": "9.9.9", "pullPolicy": "Always" },
                "replicas": 2,
                "nodeSelector": { "pool": "system" },
                "tolerations": [ { "key": "dedicated", "operator": "Exists", "effect": "NoSchedule" } ]
              },
              "agent": { "image": { "repository": "registry.example/flowgen-agent", "tag": "9.9.9" } },
              "dashboard": { "enabled": false }
            }
            """)!;

        var objects = Chart.Render(values);
        var deployment = KubernetesJson.Deserialize<V1Deployment>(objects.Single(o => o["kind"]!.GetValue<string>() == "Deployment").ToJsonString());
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers.Single();

        Assert.Equal((2, "registry.example/flowgen-operator:9.9.9", "Always"), (deployment.Spec.Replicas, container.Image, container.ImagePullPolicy));
        Assert.Equal("registry.example/flowgen-agent:9.9.9", container.Args[container.Args.IndexOf("--agent-image") + 1]);
        Assert.Equal("system", pod.NodeSelector["pool"]);
        Assert.Equal("dedicated", pod.Tolerations.Single().Key);
        Assert.DoesNotContain(objects, o => o["kind"]!.GetValue<string>() == "ConfigMap");
    }

    [Fact]
    public void The_operator_runs_without_root_privileges_and_is_probed()
    {
        var deployment = KubernetesJson.Deserialize<V1Deployment>(Chart.Render().Single(o => o["kind"]!.GetValue<string>() == "Deployment").ToJsonString());
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers.Single();

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.Equal((true, false), (container.SecurityContext.ReadOnlyRootFilesystem, container.SecurityContext.AllowPrivilegeEscalation));
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal(("/healthz", "/healthz"), (container.LivenessProbe.HttpGet.Path, container.ReadinessProbe.HttpGet.Path));
        Assert.NotNull(container.Resources.Requests);
        Assert.NotNull(container.Resources.Limits);
        // .NET needs a writable /tmp when the root filesystem is read-only.
        Assert.Contains(container.VolumeMounts, m => m.MountPath == "/tmp");
    }
}
