using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>
/// <c>flowgen tcp</c> against a real Linux receiver on the veth bed: every byte arrives in order
/// and matches the pattern, the stream ends as at a normal close, and the summary's bytes
/// acknowledged are the bytes the receiver read.
/// </summary>
public sealed class TcpTransferTests
{
    const long Bytes = 50_000_000;
    const double MaxResentShareWithoutLoss = 0.10;
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Receiver_reads_every_byte_in_order_and_a_normal_close(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var address = bed.SinkAddress(version);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, address, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);

            var run = await TcpSender.RunAsync(bed, address.ToString(), "-p", TcpSender.Port(receiver), "--bytes", $"{Bytes}");
            var receipt = Assert.Single(await receiver.ReceiptsAsync());

            TcpAssert.Delivered(run, receipt, Bytes);
            var summary = run.Summary;
            Assert.Equal(summary.RecordSize, receipt.RecordSize);
            Assert.True(summary.ResentShare < MaxResentShareWithoutLoss, $"resent {summary.ResentShare:P1} without loss\n{run.Describe()}");
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }
}
