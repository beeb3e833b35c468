using System.Text.Json;
using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;
using Xunit.Abstractions;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// Mode tcp through the whole chain (see <see cref="EndToEndTests"/>): the agent's streams go to a plain
/// Linux receiver in the bed's sink namespace that checks every byte.
/// </summary>
public sealed class TcpEndToEndTests(ITestOutputHelper output)
{
    // The sample runs 30 s; a few seconds of streaming are plenty, but `kubectl get tf` first shows
    // packets sent a status refresh or two after the start, and the XDP check must still fall inside the run.
    const int DurationSeconds = 10;

    // Bounds the receiver's reading, far beyond the flow's run.
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(180);

    [SkippableFact]
    public async Task Applying_the_tcp_sample_with_kubectl_streams_to_a_real_receiver_and_deleting_it_leaves_nothing()
    {
        KernelRequirement.EnsureRoot();
        await ClusterRun.RunAsync(
            bed => Task.FromResult(TcpPatternReceiver.Start(
                bed.SinkNamespace, bed.SinkIPv4, 0, SampleFlow.TcpFlows, () => new TcpPatternVerifier(), ReceiverDeadline)),
            (bed, receiver) => SampleFlow.Tcp(bed.GeneratorInterface, receiver.EndPoint, DurationSeconds),
            async (cluster, sample, receiver) =>
            {
                var kubectl = cluster.Kubectl;
                var generator = cluster.Kubelet.NodeNamespace;
                output.WriteLine(await kubectl.ApplyUntilSendingAsync(sample));
                var attachedWhileStreaming = await XdpAttachment.InNamespaceAsync(generator);
                var status = await kubectl.SucceededAsync(sample);
                var receipts = await receiver.ReceiptsAsync();
                output.WriteLine((await kubectl.RunAsync("get", "tf")).StandardOutput);
                var figures = Figures(status, receipts);
                output.WriteLine(figures);

                await kubectl.DeleteAsync(sample);

                // The job's ingress program, attached with a bpf_link; ClusterRun checks it is gone.
                Assert.True(attachedWhileStreaming.Count == 1, $"XDP attachments in {generator} while streaming: {string.Join(", ", attachedWhileStreaming)}");
                Assert.Equal(SampleFlow.TcpFlows, receipts.Count);
                Assert.All(receipts, r => Assert.True(
                    r.End == TcpStreamEnd.Closed && r.FirstMismatchOffset is null && r.BytesReceived > 0, $"{r}\n{figures}"));
                var (sent, resent, acknowledged) = (status.Long("packetsSent"), status.Long("segmentsResent"), status.Long("bytesAcknowledged"));
                Assert.Equal(receipts.Sum(r => r.BytesReceived), acknowledged);
                Assert.True(resent >= 0 && resent * 10 < sent, $"resent not under 10% of sent: {figures}");
            });
    }

    static string Figures(JsonElement status, IReadOnlyList<TcpPatternReceipt> receipts) =>
        $"status: phase {status.GetProperty("phase")}, packetsSent {status.Long("packetsSent")}, segmentsResent {status.Long("segmentsResent")}, "
        + $"bytesAcknowledged {status.Long("bytesAcknowledged")}; the receiver read {receipts.Sum(r => r.BytesReceived)} bytes:\n"
        + string.Join("\n", receipts);
}
