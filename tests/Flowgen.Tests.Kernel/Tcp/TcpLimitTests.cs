using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>
/// How a <c>flowgen tcp</c> run ends other than by a byte count: a duration, a stop by SIGINT, and
/// several flows ending each on its own; every stream intact to a normal close, nothing left attached.
/// </summary>
public sealed class TcpLimitTests
{
    const int Done = 0;
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Streaming = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task A_duration_ends_after_it_with_a_normal_close_and_every_byte_acknowledged()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var address = bed.SinkAddress(IpVersion.IPv4);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, address, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);

            var run = await TcpSender.RunAsync(bed, address.ToString(), "-p", TcpSender.Port(receiver), "--duration", "2s");
            var receipt = Assert.Single(await receiver.ReceiptsAsync());

            TcpAssert.Delivered(run, receipt, bytes: null);
            Assert.True(run.Summary.Seconds >= 2, run.Describe());
            Assert.True(receipt.BytesReceived > 0, run.Describe());
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }

    [SkippableFact]
    public async Task Three_flows_are_three_connections_each_intact_to_a_normal_close()
    {
        const int Flows = 3;
        const long Bytes = 30_000_000;
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var address = bed.SinkAddress(IpVersion.IPv4);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, address, 0, Flows, () => new TcpPatternVerifier(), ReceiverDeadline);

            var run = await TcpSender.RunAsync(bed, address.ToString(), "-p", TcpSender.Port(receiver), "--flows", $"{Flows}", "--bytes", $"{Bytes}");
            var receipts = await receiver.ReceiptsAsync();

            Assert.True(run.Process.ExitCode == Done, run.Describe());
            Assert.Equal(Flows, receipts.Select(r => r.Peer.Port).Distinct().Count());
            Assert.All(receipts, r => Assert.True((r.End, r.FirstMismatchOffset) == (TcpStreamEnd.Closed, null), $"{r}\n{run.Describe()}"));
            var summary = run.Summary;
            Assert.Equal(("completed", true), (summary.Result, summary.CleanClose));
            Assert.Equal(summary.BytesAcknowledged, receipts.Sum(r => r.BytesReceived));
            Assert.InRange(summary.BytesAcknowledged, Bytes, Bytes + Flows * summary.RecordSize);
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }

    [SkippableFact]
    public async Task Sigint_mid_stream_ends_with_what_was_sent_acknowledged_and_a_normal_close()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var address = bed.SinkAddress(IpVersion.IPv4);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, address, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);
            // Bounded by disposal (SIGKILL) if the test fails.
            await using var sender = TcpSender.Start(bed, address.ToString(), "-p", TcpSender.Port(receiver), "-I", "0.2");
            await sender.WaitForLineAsync(line => JsonEvent.Is(line, "interval") && JsonEvent.Parse(line).Integer("bytesAcknowledged") > 0, Patience);
            await Task.Delay(Streaming);

            sender.Signal("INT");
            var run = new TcpRun(await sender.WaitForResultAsync(Patience));
            var receipt = Assert.Single(await receiver.ReceiptsAsync());

            TcpAssert.Delivered(run, receipt, bytes: null, result: "stopped", exitCode: Done);
            Assert.True(receipt.BytesReceived > 0, run.Describe());
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }
}
