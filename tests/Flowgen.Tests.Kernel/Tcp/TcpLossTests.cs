using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>
/// <c>flowgen tcp</c> through a wire that drops a share of the frames both ways: the transfer still
/// completes with every byte in order and a normal close, and resends stay within what was lost
/// (resent ≤ 1.5 × segments the wire dropped + 64, the wire's exact drop count being the oracle):
/// loss recovery resends holes, not windows.
/// </summary>
public sealed class TcpLossTests
{
    const long Bytes = 20_000_000;
    const double ResendsPerDrop = 1.5;
    const long ResendAllowance = 64;
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(80);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, "1")]
    [InlineData(IpVersion.IPv4, "5")]
    [InlineData(IpVersion.IPv6, "1")]
    [InlineData(IpVersion.IPv6, "5")]
    public async Task A_lossy_wire_costs_resends_of_what_it_dropped_only(IpVersion version, string percent)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(() => WireTestBed.CreateAsync(), async bed =>
        {
            await using var wire = await RunningWire.StartAsync(bed, "--drop", percent);
            var address = bed.SinkAddress(version);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, address, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);

            var run = await TcpSender.RunAsync(bed, address.ToString(), "-p", TcpSender.Port(receiver), "--bytes", $"{Bytes}");
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            var dropped = (await wire.StopAsync()).AToB.Dropped;

            TcpAssert.Delivered(run, receipt, Bytes);
            Assert.True(dropped > 0, "the wire dropped nothing");
            Assert.True(run.Summary.SegmentsResent <= ResendsPerDrop * dropped + ResendAllowance,
                $"resent {run.Summary.SegmentsResent} for {dropped} frames dropped by the wire\n{run.Describe()}");
        });
    }
}
