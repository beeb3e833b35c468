using System.Net;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// Address and port ranges: every combination of source and destination address and port is a
/// flow, and the frames cover every flow with valid checksums (PacketDotNet and the receiving
/// kernel, which takes the destination range as local through a route to its loopback).
/// </summary>
public sealed class FlowRangeTests
{
    const int SourceAddresses = 3, DestinationAddresses = 8, SourcePorts = 4, DestinationPorts = 3;
    const int Flows = SourceAddresses * DestinationAddresses * SourcePorts * DestinationPorts;
    const int Count = 20 * Flows;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, "seq")]
    [InlineData(IpVersion.IPv4, "random")]
    [InlineData(IpVersion.IPv6, "seq")]
    [InlineData(IpVersion.IPv6, "random")]
    public async Task Frames_cover_every_flow_of_the_ranges_with_valid_checksums(IpVersion version, string order)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var (sources, destinations) = await RangesAsync(bed, version);
            var result = await CapturedUdpRun.RunAsync(bed, version, Count,
                "-A", $"{sources[0]}-{sources[^1]}", "-a", $"{destinations[0]}-{destinations[^1]}", "-m", MacText.Format(bed.SinkMac),
                "-P", "1000-1003", "-p", "5000-5002", "--flow-order", order, "--stamp", "-s", "200");

            result.AssertAllArrivedIntact(Count);
            var flows = result.Frames.Select(f => (f.Source, f.Destination, f.SourcePort, f.DestinationPort)).Distinct().ToList();
            Assert.Equal(Flows, flows.Count);
            Assert.All(result.Frames, f => Assert.Contains(f.Source, sources));
            Assert.All(result.Frames, f => Assert.Contains(f.Destination, destinations));
            Assert.All(result.Frames, f => Assert.InRange(f.SourcePort, 1000, 1003));
            Assert.All(result.Frames, f => Assert.InRange(f.DestinationPort, 5000, 5002));

            // The probe's flow index numbers the combination, destination port fastest.
            Assert.All(result.Frames, f => Assert.Equal(
                (uint)(((Array.IndexOf(sources, f.Source) * DestinationAddresses + Array.IndexOf(destinations, f.Destination))
                    * SourcePorts + f.SourcePort - 1000) * DestinationPorts + f.DestinationPort - 5000),
                f.ReadProbe()!.Flow));
        });
    }

    /// <summary>
    /// Three sources on the bed's subnet ten after the generator's own address (the sink's own would be
    /// a martian source), and eight destinations made local to the sink.
    /// </summary>
    static async Task<(IPAddress[] Sources, IPAddress[] Destinations)> RangesAsync(VethTestBed bed, IpVersion version)
    {
        if (version == IpVersion.IPv4)
        {
            await bed.ExecAsync(bed.SinkNamespace, "ip", "route", "add", "local", "198.19.7.0/24", "dev", "lo");
            return (Series(bed.GeneratorIPv4, SourceAddresses, skip: 10), Series(IPAddress.Parse("198.19.7.1"), DestinationAddresses));
        }
        await bed.ExecAsync(bed.SinkNamespace, "ip", "-6", "route", "add", "local", "2001:db8:7::/64", "dev", "lo");
        return (Series(bed.GeneratorIPv6, SourceAddresses, skip: 10), Series(IPAddress.Parse("2001:db8:7::1"), DestinationAddresses));
    }

    static IPAddress[] Series(IPAddress first, int count, int skip = 0) =>
        [.. Enumerable.Range(skip, count).Select(i =>
        {
            var bytes = first.GetAddressBytes();
            bytes[^1] += (byte)i;
            return new IPAddress(bytes);
        })];
}
