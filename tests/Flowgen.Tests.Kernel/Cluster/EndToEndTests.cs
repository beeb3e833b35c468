using System.Globalization;
using Flowgen.KubeEmulator.Clients;
using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;
using Xunit.Abstractions;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// The whole chain on one machine, with the real kubectl as the client: the API emulator, the operator
/// binary, a local kubelet whose node is the veth bed's generator namespace, and real agents sending real
/// frames to a counting sink in the bed's other namespace.
/// </summary>
public sealed class EndToEndTests(ITestOutputHelper output)
{
    // The sample runs 60 s; the test that waits for its end shortens that to a few seconds.
    const int ShortDurationSeconds = 4;
    const int SampleDurationSeconds = 60;
    const string Wait = "--timeout=60s";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task Applying_a_sample_flow_with_kubectl_sends_real_traffic_and_deleting_it_leaves_nothing()
    {
        KernelRequirement.EnsureRoot();
        await RunAsync(ShortDurationSeconds, async (cluster, sample, sink) =>
        {
            var kubectl = cluster.Kubectl;
            await kubectl.RunAsync("apply", Kubectl.NoValidation, "-f", sample.FilePath);
            output.WriteLine(await WhileSendingAsync(kubectl));
            await kubectl.RunAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", $"tf/{SampleFlow.Name}", Wait);
            var sent = long.Parse(
                (await kubectl.RunAsync("get", "tf", SampleFlow.Name, "-o", "jsonpath={.status.packetsSent}")).StandardOutput,
                CultureInfo.InvariantCulture);
            var received = await sink.StopWhenStableAsync(sent);
            output.WriteLine((await kubectl.RunAsync("get", "tf")).StandardOutput);
            output.WriteLine($"status.packetsSent {sent}, the sink counted {received.Packets}");

            await kubectl.RunAsync("delete", "-f", sample.FilePath, "--wait", Wait);

            Assert.True(sent > 0 && received.Packets == sent, $"status.packetsSent {sent}, the sink counted {received.Packets}");
        });
    }

    [SkippableFact]
    public async Task Deleting_a_running_flow_with_kubectl_stops_its_agents_and_leaves_nothing()
    {
        KernelRequirement.EnsureRoot();
        await RunAsync(SampleDurationSeconds, async (cluster, sample, sink) =>
        {
            var kubectl = cluster.Kubectl;
            await kubectl.RunAsync("apply", Kubectl.NoValidation, "-f", sample.FilePath);
            output.WriteLine(await WhileSendingAsync(kubectl));

            await kubectl.RunAsync("delete", "-f", sample.FilePath, "--wait", Wait);
            // Nothing sends any more (the agents are gone, see below), so the count settles.
            var received = await sink.StopWhenStableAsync();

            Assert.True(received.Packets > 0, "the sink counted nothing");
        });
    }

    /// <summary>
    /// A bed, a sink, a <see cref="LocalCluster"/> on it and the sample adapted to it; runs
    /// <paramref name="test"/>, which ends by deleting the flow; then checks what the flow left: no pod,
    /// no process in the node's namespace, no XDP program, the operator ending cleanly on SIGTERM, and,
    /// once the kubelet is gone, no management link nor anything else the cluster added.
    /// </summary>
    static async Task RunAsync(int durationSeconds, Func<LocalCluster, SampleFlow, RunningSink, Task> test)
    {
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            // Taken with the bed and the sink in place: what the cluster adds must all go again.
            var before = await SystemSnapshot.TakeAsync();
            await using var cluster = await LocalCluster.StartAsync(bed);
            using var sample = SampleFlow.Adapt(bed.GeneratorInterface, bed.SinkIPv4, durationSeconds);
            try
            {
                await test(cluster, sample, sink);

                var podsLeft = await Eventually.ReadAsync(
                    async () => (await cluster.Kubectl.RunAsync("get", "pods", "--all-namespaces", "-o", "name")).Lines, pods => pods.Count == 0, Settle);
                var processesLeft = await Eventually.ReadAsync(() => ProcessesInAsync(bed.GeneratorNamespace), pids => pids.Count == 0, Settle);
                var attached = await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace);
                var operatorExit = await cluster.StopAsync();

                Assert.Empty(podsLeft);
                Assert.Empty(processesLeft);
                Assert.Empty(attached);
                Assert.Equal(0, operatorExit);
                Assert.False(await ManagementLink.ExistsAsync(cluster.Kubelet.ManagementInterface), $"{cluster.Kubelet.ManagementInterface} is still there");
                Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{e.Message}\n{cluster.Describe()}", e);
            }
        });
    }

    /// <summary>Polls <c>kubectl get tf</c> until the flow's row shows Phase Running with a rate and a count other than 0; returns that table.</summary>
    static async Task<string> WhileSendingAsync(Kubectl kubectl)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var printed = await kubectl.RunAsync("get", "tf");
            var row = KubectlTable.Parse(printed.Lines).SingleOrDefault(r => r.GetValueOrDefault("NAME") == SampleFlow.Name);
            if (row is not null && IsSending(row))
                return printed.StandardOutput;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"kubectl get tf never showed {SampleFlow.Name} Running with a rate and packets sent; last:\n{printed.StandardOutput}");
            await Task.Delay(Poll);
        }
    }

    static bool IsSending(IReadOnlyDictionary<string, string> row) =>
        row.GetValueOrDefault("PHASE") == "Running"
        && row.GetValueOrDefault("AGENTS") == "1"
        && row.GetValueOrDefault("RATE") is { Length: > 0 } rate && !rate.StartsWith("0 ", StringComparison.Ordinal) && rate != "<none>"
        && long.TryParse(row.GetValueOrDefault("SENT"), NumberStyles.None, CultureInfo.InvariantCulture, out var sent) && sent > 0;

    /// <summary>The processes in a network namespace (<c>ip netns pids</c>): the node's agents.</summary>
    static async Task<IReadOnlyList<string>> ProcessesInAsync(string ns) =>
        (await Command.RunCheckedAsync("ip", ["netns", "pids", ns])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
