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
    // Long enough to measure the first rate, patch the spec and measure the second.
    const int RetuneDurationSeconds = 12;
    const int RateBefore = 20_000;
    const int RateAfter = 100_000;
    // What this test shows is the change; accuracy is RateTests' (2%). The margin is for a busy machine.
    const double RateTolerance = 0.25;
    static readonly TimeSpan RateSpan = TimeSpan.FromSeconds(1.5);
    // The pacer's first moments at a new rate are not the rate.
    static readonly TimeSpan RateSettle = TimeSpan.FromSeconds(0.3);

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

    [SkippableFact]
    public async Task Patching_the_rate_of_a_running_flow_changes_what_the_sink_receives_without_restarting_its_agent()
    {
        KernelRequirement.EnsureRoot();
        await RunAsync(RetuneDurationSeconds, async (cluster, sample, sink) =>
        {
            var kubectl = cluster.Kubectl;
            output.WriteLine(await kubectl.ApplyUntilSendingAsync(sample));
            var podsBefore = await kubectl.PodUidsAsync();
            await Task.Delay(RateSettle);
            var before = await sink.MeasureRateAsync(RateSpan);

            await kubectl.PatchAsync(sample, """{"spec":{"udp":{"rate":"100k"}}}""");
            var retuned = await kubectl.EventAsync(sample, "RateChanged");
            await Task.Delay(RateSettle);
            var after = await sink.MeasureRateAsync(RateSpan);
            var podsAfter = await kubectl.PodUidsAsync();

            var sent = (await kubectl.SucceededAsync(sample)).Long("packetsSent");
            var received = await sink.StopWhenStableAsync(sent);
            output.WriteLine($"RateChanged: {retuned}");
            output.WriteLine($"{before:N0} frames/s before the patch, {after:N0} after; pods {string.Join(",", podsBefore)} then {string.Join(",", podsAfter)}");
            output.WriteLine($"status.packetsSent {sent}, the sink counted {received.Packets}");

            await kubectl.DeleteAsync(sample);

            AssertRate(RateBefore, before, "before the patch", sink);
            AssertRate(RateAfter, after, "after the patch", sink);
            Assert.Single(podsBefore);
            Assert.Equal(podsBefore, podsAfter);
            Assert.Contains($"at {RateAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)} each", retuned, StringComparison.Ordinal);
            Assert.True(sent > 0 && received.Packets == sent, $"status.packetsSent {sent}, the sink counted {received.Packets}");
        }, rate: "20k");
    }

    static void AssertRate(double expected, double measured, string when, RunningSink sink) =>
        Assert.True(Math.Abs(measured - expected) <= expected * RateTolerance,
            $"{measured:N0} frames/s {when}, expected {expected:N0} (within {RateTolerance:P0})\n{sink.Describe()}");

    /// <summary>udp-basic adapted to the bed, to a counting sink on the bed's sink interface, at <paramref name="rate"/> if given; see <see cref="ClusterRun"/>.</summary>
    static Task RunAsync(int durationSeconds, Func<LocalCluster, SampleFlow, RunningSink, Task> test, string? rate = null) =>
        ClusterRun.RunAsync(
            bed => RunningSink.StartAsync(bed),
            (bed, _) => SampleFlow.Udp(bed.GeneratorInterface, bed.SinkIPv4, durationSeconds, rate),
            test);
}
