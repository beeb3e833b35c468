using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// The receiving kernel is the checksum oracle: the sink passes the frames to the stack, which
/// verifies every UDP checksum and delivers only good datagrams to real sockets.
/// </summary>
public sealed class ChecksumOracleTests
{
    const int Count = 2000;
    const int FrameSize = 128;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public Task Every_datagram_to_a_static_port_reaches_its_socket_with_a_valid_checksum(IpVersion version) =>
        AssertAllDeliveredAsync(version, firstPort: 5000, dynamicPorts: 0);

    /// <summary>
    /// Ports go 6000…6006 and back to 6000: the upstream tool corrupted checksums exactly where the
    /// port decreases. 65529…65535 ends the range at the top of the port space.
    /// </summary>
    [SkippableTheory]
    [InlineData(IpVersion.IPv4, 6000)]
    [InlineData(IpVersion.IPv6, 6000)]
    [InlineData(IpVersion.IPv4, 65529)]
    [InlineData(IpVersion.IPv6, 65529)]
    public Task Every_datagram_over_a_wrapping_port_range_reaches_its_socket_with_a_valid_checksum(IpVersion version, int firstPort) =>
        AssertAllDeliveredAsync(version, firstPort, dynamicPorts: 7);

    static async Task AssertAllDeliveredAsync(IpVersion version, int firstPort, int dynamicPorts)
    {
        KernelRequirement.EnsureRoot();
        var ports = Enumerable.Range(firstPort, Math.Max(dynamicPorts, 1)).ToList();
        string[] portOptions = dynamicPorts > 0 ? ["-p", $"{firstPort}", "-d", $"{dynamicPorts}"] : ["-p", $"{firstPort}"];
        var (checksumErrors, delivered) = Counters(version);
        await CleanBed.RunAsync(async bed =>
        {
            using var receivers = UdpReceivers.Bind(bed.SinkNamespace, version, ports);
            await using var sink = await RunningSink.StartAsync(bed, pass: true);
            var before = await Snmp.ReadAsync(bed.SinkNamespace);

            var run = await UdpGenerator.RunAsync(bed, version, [.. portOptions, "-n", $"{Count}", "-s", $"{FrameSize}"]);
            var received = await receivers.ReceiveAsync(Count, version.UdpPayloadLength(FrameSize), Patience);

            var after = await Snmp.ReadAsync(bed.SinkNamespace);
            Assert.True(run.Process.ExitCode == 0 && run.Summary.Sent == Count, run.Describe());
            Assert.True(received.Faulty == 0, $"{received.Faulty} datagrams were wrong: {string.Join("; ", received.Faults)}");
            var badChecksums = after[checksumErrors] - before[checksumErrors];
            Assert.True(badChecksums == 0, $"{checksumErrors} rose by {badChecksums}: the receiving kernel found bad UDP checksums");
            Assert.Equal(Count, received.Total);
            Assert.Equal(Count, after[delivered] - before[delivered]);
            Assert.All(ports, port => Assert.True(received.PerPort[port] > 0, $"nothing arrived on port {port}"));
            Assert.Equal(Count, (await sink.StopWhenStableAsync(Count)).Packets);
        });
    }

    static (string ChecksumErrors, string Delivered) Counters(IpVersion version) =>
        version == IpVersion.IPv4 ? ("Udp.InCsumErrors", "Udp.InDatagrams") : ("Udp6InCsumErrors", "Udp6InDatagrams");
}
