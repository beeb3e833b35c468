using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// The frame of every end-to-end test: a bed, a receiver in its sink namespace, a <see cref="LocalCluster"/>
/// on it and a sample adapted to both; runs the test, which ends by deleting the flow; then checks what
/// the flow left: no pod, no process in the node's namespace, no XDP program, the operator ending cleanly
/// on SIGTERM, and, once the kubelet is gone, no management link nor anything else the cluster added.
/// </summary>
public static class ClusterRun
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    /// <param name="startReceiver">What receives the flow's traffic, e.g. a <see cref="RunningSink"/>; disposed last.</param>
    /// <param name="adapt">The sample adapted to the bed and the receiver.</param>
    /// <param name="test">Applies the sample, checks what it did, and deletes it.</param>
    public static async Task RunAsync<TReceiver>(
        Func<VethTestBed, Task<TReceiver>> startReceiver,
        Func<VethTestBed, TReceiver, SampleFlow> adapt,
        Func<LocalCluster, SampleFlow, TReceiver, Task> test)
        where TReceiver : IAsyncDisposable
    {
        await CleanBed.RunAsync(async bed =>
        {
            await using var receiver = await startReceiver(bed);
            // Taken with the bed and the receiver in place: what the cluster adds must all go again.
            var before = await SystemSnapshot.TakeAsync();
            await using var cluster = await LocalCluster.StartAsync(bed);
            using var sample = adapt(bed, receiver);
            try
            {
                await test(cluster, sample, receiver);

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

    /// <summary>The processes in a network namespace (<c>ip netns pids</c>): the node's agents.</summary>
    static async Task<IReadOnlyList<string>> ProcessesInAsync(string ns) =>
        (await Command.RunCheckedAsync("ip", ["netns", "pids", ns])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
