using System.Net;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Wire;

/// <summary>
/// A real TCP connection through a lossy wire: data one way, ACKs the other, the kernel's loss
/// recovery makes up for what the wire dropped.
/// </summary>
public sealed class WireTcpTests
{
    const int Bytes = 20 * 1024 * 1024;
    static readonly TimeSpan TransferLimit = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Tcp_moves_20_MB_intact_through_a_wire_that_drops_1_percent_each_way(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(() => WireTestBed.CreateAsync(), async bed =>
        {
            await using var wire = await RunningWire.StartAsync(bed, "--drop", "1");
            IPAddress server = bed.SinkAddress(version);

            var transfer = await TcpTransfer.RunAsync(bed.GeneratorNamespace, bed.SinkNamespace, server, Bytes, TransferLimit);
            var counted = await wire.StopAsync();

            Assert.Equal((transfer.SentBytes, transfer.SentSha256), (transfer.ReceivedBytes, transfer.ReceivedSha256));
            Assert.True(counted.AToB.Dropped > 0, $"the wire dropped no data segment: {counted}");
            Assert.True(counted.BToA.Forwarded > 0, $"the wire forwarded no ACK: {counted}");
        });
    }
}
