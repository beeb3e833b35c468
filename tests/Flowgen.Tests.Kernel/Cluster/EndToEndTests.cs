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

    [SkippableFact]
    public async Task Applying_a_sample_flow_with_kubectl_sends_real_traffic_and_deleting_it_leaves_nothing()
    {
        KernelRequirement.EnsureRoot();
        await RunAsync(ShortDurationSeconds, async (cluster, sample, sink) =>
        {
            var kubectl = cluster.Kubectl;
            output.WriteLine(await kubectl.ApplyUntilSendingAsync(sample));
            var sent = (await kubectl.SucceededAsync(sample)).Long("packetsSent");
            var received = await sink.StopWhenStableAsync(sent);
            output.WriteLine((await kubectl.RunAsync("get", "tf")).StandardOutput);
            output.WriteLine($"status.packetsSent {sent}, the sink counted {received.Packets}");

            await kubectl.DeleteAsync(sample);

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
            output.WriteLine(await kubectl.ApplyUntilSendingAsync(sample));

            await kubectl.DeleteAsync(sample);
            // Nothing sends any more (the agents are gone, see ClusterRun), so the count settles.
            var received = await sink.StopWhenStableAsync();

            Assert.True(received.Packets > 0, "the sink counted nothing");
        });
    }

    /// <summary>udp-basic adapted to the bed, to a counting sink on the bed's sink interface; see <see cref="ClusterRun"/>.</summary>
    static Task RunAsync(int durationSeconds, Func<LocalCluster, SampleFlow, RunningSink, Task> test) =>
        ClusterRun.RunAsync(
            bed => RunningSink.StartAsync(bed),
            (bed, _) => SampleFlow.Udp(bed.GeneratorInterface, bed.SinkIPv4, durationSeconds),
            test);
}
