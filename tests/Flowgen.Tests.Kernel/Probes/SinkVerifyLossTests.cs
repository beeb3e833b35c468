using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// <c>flowgen udp --stamp</c> → <c>flowgen wire --drop P</c> → <c>flowgen sink --verify</c>: the sink's
/// lost count is exactly what the wire's own counter says it dropped, less the frames it dropped
/// after the last one that arrived (a receiver can't see those; with one thread and one flow the
/// generator's sent count tells them: sent − expected). Probes behind an 802.1Q tag (<c>--vlan</c>)
/// are verified the same, and the wire loses them the same.
/// </summary>
public sealed class SinkVerifyLossTests
{
    const long Count = 50_000;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, "0")]
    [InlineData(IpVersion.IPv6, "0")]
    [InlineData(IpVersion.IPv4, "1")]
    [InlineData(IpVersion.IPv6, "5")]
    [InlineData(IpVersion.IPv4, "0", "100")]
    [InlineData(IpVersion.IPv6, "0", "100")]
    [InlineData(IpVersion.IPv4, "5", "100")]
    public async Task The_sink_counts_as_lost_exactly_what_the_wire_dropped(IpVersion version, string percent, string? vlan = null)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(() => WireTestBed.CreateAsync(), async bed =>
        {
            await using var wire = await RunningWire.StartAsync(bed, "--drop", percent, "--lose", "udp-tcp");
            await using var sink = await RunningSink.StartAsync(bed, verify: true);
            string[] tag = vlan is null ? [] : ["--vlan", vlan];
            var run = await UdpGenerator.RunAsync(bed, version, ["--stamp", "-s", "128", "-t", "1", "-n", Count.ToString(CultureInfo.InvariantCulture), .. tag]);
            Assert.True(run.Summary.Result == "completed", run.Describe());
            var received = await sink.StopWhenStableAsync();
            var verified = SinkVerified.Parse(sink.Process.StdoutLines, sink.Describe());
            var dropped = (await wire.StopAsync()).AToB.Dropped;

            Assert.Equal(Count, run.Summary.Sent);
            var flow = Assert.Single(verified.Flows);
            Assert.Equal((bed.SinkAddress(version).ToString(), 0L, 0L, 0L), (flow.Destination, flow.Duplicates, flow.Reordered, flow.Stale));
            long unseenTail = Count - flow.Expected;
            Assert.Equal(dropped - unseenTail, flow.Lost);
            Assert.Equal(received.Packets, flow.Received);
            Assert.Equal(flow.Expected, flow.Received + flow.Lost);
            if (percent == "0")
                Assert.Equal((0L, Count, Count), (flow.Lost, flow.Expected, flow.Received));
            else
                Assert.True(flow.Lost > 0, $"the wire dropped {dropped} of {Count} but the sink saw no loss");
        });
    }
}
