using Flowgen.KubeEmulator.Clients;
using k8s;

namespace Flowgen.Tests.Operator.Emulator;

public class KubectlGetTests : KubectlTests
{
    private const string RunningStatus = """{"phase": "Running", "agentCount": 3, "rate": "16.2M", "packetsSent": 456}""";

    [Fact]
    public async Task Get_by_short_name_shows_the_crd_printer_columns_with_the_status_values()
    {
        await ApplyCrdAndSampleAsync();
        await PatchFlowStatusAsync(SampleFlow, RunningStatus);

        var output = (await Kubectl.RunAsync("get", "tf")).StandardOutput;

        Assert.Equal(["NAME", "PHASE", "AGENTS", "RATE", "SENT", "AGE"], output.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(KubectlTable.Parse(output));
        Assert.Equal(SampleFlow, row["NAME"]);
        Assert.Equal("Running", row["PHASE"]);
        Assert.Equal("3", row["AGENTS"]);
        Assert.Equal("16.2M", row["RATE"]);
        Assert.Equal("456", row["SENT"]);
        Assert.Matches("^[0-9]+s$", row["AGE"]);
    }

    [Fact]
    public async Task A_flow_without_status_shows_empty_status_columns()
    {
        await ApplyCrdAndSampleAsync();

        var row = Assert.Single(KubectlTable.Parse((await Kubectl.RunAsync("get", "tf", SampleFlow, "-o", "wide")).StandardOutput));

        Assert.Equal(SampleFlow, row["NAME"]);
        Assert.Equal("", row["PHASE"]);
        Assert.Equal("", row["SENT"]);
    }

    [Fact]
    public async Task Jsonpath_and_yaml_output_show_the_stored_object()
    {
        await ApplyCrdAndSampleAsync();
        await PatchFlowStatusAsync(SampleFlow, RunningStatus);

        var phase = await Kubectl.RunAsync("get", "tf", SampleFlow, "-o", "jsonpath={.status.phase} {.spec.udp.dstAddress}");
        var yaml = await Kubectl.RunAsync("get", "trafficflow", SampleFlow, "-o", "yaml");

        Assert.Equal("Running 198.18.0.2", phase.StandardOutput);
        Assert.Contains("kind: TrafficFlow", yaml.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("packetsSent: 456", yaml.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_prints_a_new_row_when_the_status_changes()
    {
        await ApplyCrdAndSampleAsync();
        await using var watch = Kubectl.Start("get", "tf", "-w");
        var header = await watch.ReadLineAsync(Patience);
        var first = Assert.Single(KubectlTable.Parse([header, await watch.ReadLineAsync(Patience)]));
        Assert.Equal((SampleFlow, ""), (first["NAME"], first["PHASE"]));
        await WaitForFlowWatchAsync();

        await PatchFlowStatusAsync(SampleFlow, """{"phase": "Succeeded", "packetsSent": 1000}""");

        // Later rows are laid out on their own (as with a real cluster), so read their words, not the header's positions.
        var changed = await watch.ReadUntilAsync(line => line.Contains("Succeeded", StringComparison.Ordinal), Patience);
        Assert.Equal([SampleFlow, "Succeeded", "1000"], changed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]);
    }

    [Fact]
    public async Task Created_namespaces_show_their_phase_and_nodes_take_labels()
    {
        await ApplyAsync(WriteManifest("node.yaml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n"));
        await Kubectl.RunAsync("create", "namespace", "flows");

        await Kubectl.RunAsync("label", "node", "worker-1", "flowgen.dev/generator=true");
        var namespaces = KubectlTable.Parse((await Kubectl.RunAsync("get", "namespaces")).StandardOutput);
        var nodes = KubectlTable.Parse((await Kubectl.RunAsync("get", "nodes", "-l", "flowgen.dev/generator=true")).StandardOutput);

        Assert.Contains(namespaces, row => row["NAME"] == "default" && row["STATUS"] == "Active");
        Assert.Contains(namespaces, row => row["NAME"] == "flows" && row["STATUS"] == "Active");
        Assert.Equal("worker-1", Assert.Single(nodes)["NAME"]);
        Assert.Equal("true", (await Client.CoreV1.ReadNodeAsync("worker-1")).Metadata.Labels["flowgen.dev/generator"]);
    }
}
