using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Clients;

namespace Flowgen.Tests.Operator.Emulator;

public class KubectlDiscoveryTests : KubectlTests
{
    [Fact]
    public async Task Version_reports_a_v1_32_server()
    {
        var version = JsonNode.Parse((await Kubectl.RunAsync("version", "-o", "json")).StandardOutput)!;

        Assert.Equal("1", version["serverVersion"]!["major"]!.GetValue<string>());
        Assert.Equal("32", version["serverVersion"]!["minor"]!.GetValue<string>());
        Assert.StartsWith("v1.32.", version["serverVersion"]!["gitVersion"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crd_applied_after_kubectl_cached_discovery_is_found_by_its_short_name()
    {
        var before = await Kubectl.TryRunAsync("get", "tf");
        Assert.NotEqual(0, before.ExitCode);
        Assert.Contains("the server doesn't have a resource type \"tf\"", before.StandardError, StringComparison.Ordinal);

        await ApplyCrdAndSampleAsync();
        var after = await Kubectl.RunAsync("get", "tf");
        var resources = KubectlTable.Parse((await Kubectl.RunAsync("api-resources", "--api-group=flowgen.dev")).StandardOutput);

        Assert.Equal(SampleFlow, Assert.Single(KubectlTable.Parse(after.StandardOutput))["NAME"]);
        var trafficFlows = Assert.Single(resources);
        Assert.Equal(("trafficflows", "tf", "flowgen.dev/v1alpha1", "true", "TrafficFlow"),
            (trafficFlows["NAME"], trafficFlows["SHORTNAMES"], trafficFlows["APIVERSION"], trafficFlows["NAMESPACED"], trafficFlows["KIND"]));
    }

    [Fact]
    public async Task Deleting_the_crd_stops_serving_the_resource_to_kubectl()
    {
        await ApplyCrdAndSampleAsync();

        await Kubectl.RunAsync("delete", "-f", Api.RepoFiles.CrdFile, "--wait");
        var after = await Kubectl.TryRunAsync("get", "tf");

        // kubectl's cached discovery still knows tf, as it would with a real cluster, so the list itself gets 404.
        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("Error from server (NotFound)", after.StandardError, StringComparison.Ordinal);
    }
}
