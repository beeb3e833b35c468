using System.Text.Json.Nodes;
using k8s;

namespace Flowgen.Tests.Operator.Emulator;

public class KubectlApplyTests : KubectlTests
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    [Fact]
    public async Task Apply_creates_the_crd_and_the_flow_with_the_last_applied_configuration()
    {
        var crd = await ApplyCrdAsync();
        var flow = await ApplyAsync(SampleFile);

        Assert.Equal("customresourcedefinition.apiextensions.k8s.io/trafficflows.flowgen.dev created", crd.StandardOutput.Trim());
        Assert.Equal($"trafficflow.flowgen.dev/{SampleFlow} created", flow.StandardOutput.Trim());
        var stored = await GetFlowAsync(SampleFlow);
        Assert.Equal("60s", stored["spec"]!["duration"]!.GetValue<string>());
        var applied = JsonNode.Parse(stored["metadata"]!["annotations"]![LastApplied]!.GetValue<string>())!;
        Assert.Equal("60s", applied["spec"]!["duration"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_apply_of_a_changed_flow_patches_it_and_drops_what_the_file_no_longer_has()
    {
        await ApplyCrdAsync();
        var sample = await File.ReadAllTextAsync(SampleFile);
        await ApplyAsync(WriteManifest("v1.yaml", sample.Replace("  name: udp-basic\n", "  name: udp-basic\n  labels: {tier: gold}\n", StringComparison.Ordinal)));

        var second = await ApplyAsync(WriteManifest("v2.yaml", sample.Replace("duration: 60s", "duration: 90s", StringComparison.Ordinal)));

        Assert.Equal($"trafficflow.flowgen.dev/{SampleFlow} configured", second.StandardOutput.Trim());
        Assert.Contains(Emulator.Requests, r => r.Method == "PATCH" && r.Path.EndsWith($"/trafficflows/{SampleFlow}", StringComparison.Ordinal));
        var stored = await GetFlowAsync(SampleFlow);
        Assert.Equal("90s", stored["spec"]!["duration"]!.GetValue<string>());
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<long>());
        Assert.Null(stored["metadata"]!["labels"]?["tier"]);
        Assert.Contains("90s", stored["metadata"]!["annotations"]![LastApplied]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_an_unchanged_file_again_changes_nothing()
    {
        await ApplyCrdAndSampleAsync();
        var before = await GetFlowAsync(SampleFlow);

        var again = await ApplyAsync(SampleFile);

        Assert.Equal($"trafficflow.flowgen.dev/{SampleFlow} unchanged", again.StandardOutput.Trim());
        Assert.Equal(before["metadata"]!["resourceVersion"]!.GetValue<string>(),
            (await GetFlowAsync(SampleFlow))["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_apply_of_a_namespace_strategic_merge_patches_its_labels()
    {
        await ApplyAsync(WriteManifest("ns1.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flows\n  labels: {team: a, old: x}\n"));

        var second = await ApplyAsync(WriteManifest("ns2.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flows\n  labels: {team: b, env: lab}\n"));

        Assert.Equal("namespace/flows configured", second.StandardOutput.Trim());
        var labels = (await Client.CoreV1.ReadNamespaceAsync("flows")).Metadata.Labels;
        Assert.Equal("b", labels["team"]);
        Assert.Equal("lab", labels["env"]);
        Assert.False(labels.ContainsKey("old"));
    }

    [Fact]
    public async Task The_server_still_refuses_a_flow_that_breaks_the_crd_schema()
    {
        await ApplyCrdAsync();
        var sample = await File.ReadAllTextAsync(SampleFile);

        var refused = await Kubectl.TryRunAsync("apply", Flowgen.KubeEmulator.Clients.Kubectl.NoValidation, "-f",
            WriteManifest("bad.yaml", sample.Replace("packetSize: 64", "packetSize: 1", StringComparison.Ordinal)));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("spec.udp.packetSize", refused.StandardError, StringComparison.Ordinal);
    }
}
