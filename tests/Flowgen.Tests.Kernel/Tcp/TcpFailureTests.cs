using System.Globalization;
using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>
/// A connection that can't be made or a receiver that goes away: a clear message, exit code 1,
/// and no XDP program left on the interface.
/// </summary>
public sealed class TcpFailureTests
{
    const int Failed = 1;
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task A_refused_connection_says_refused(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            // Nothing listens in the sink's namespace, on the default port or any other.
            await Rejection.AssertAsync("refused",
                async () => (await TcpSender.RunAsync(bed, bed.SinkAddress(version).ToString(), "-n", "10")).Process, Failed, ["refused"]);
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }

    [SkippableFact]
    public async Task An_absent_host_says_unreachable_or_timed_out()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await Rejection.AssertAsync("absent host",
                async () => (await TcpSender.RunAsync(bed, "198.18.0.99", "--connect-timeout", "2s", "-n", "10")).Process,
                Failed, ["unreachable|timed out"]);
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task A_receiver_closing_mid_stream_is_reported_with_the_bytes_it_got(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var address = bed.SinkAddress(version);
            await using var receiver = TcpPatternReceiver.Start(
                bed.SinkNamespace, address, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline, closeAfterBytes: 5_000_000);
            var port = receiver.EndPoint.Port.ToString(CultureInfo.InvariantCulture);

            var result = await Rejection.AssertAsync("receiver closes",
                async () => (await TcpSender.RunAsync(bed, address.ToString(), "-p", port, "--bytes", "500M")).Process,
                Failed, ["the receiver closed the connection after [0-9,]+ bytes"]);
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            Assert.Equal(TcpStreamEnd.ClosedByReceiver, receipt.End);
            Assert.Null(receipt.FirstMismatchOffset);
            Assert.Equal("failed", TcpSummary.Parse(result.StdoutLines, result.Describe()).Result);
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }
}
