using System.Globalization;
using System.Net;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.Udp;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// On a veth pair <c>flowgen reflect</c> rewrites the generator's own live-frames pages in place
/// (MACs, addresses and ports swapped, reflected_ns stamped), and the pool hands those pages back to
/// the generator. Every frame the generator sends must still be the job's, whatever its page held.
/// XDP_TX frames bypass every packet socket on the reflecting side, so what arrived there is read from
/// what came back: the reflection only swaps MACs, addresses and ports and stamps reflected_ns with
/// the UDP checksum updated, so a reflected frame with the MACs, addresses and ports swapped back is the
/// arrived one. The generator runs with --stamp, and a passing sink on its veth takes the reflected
/// frames to its stack, where tcpdump captures them (copying each at once, so its page goes back to the
/// pool as it would on a real return path) and PacketDotNet checks them.
/// The IPv6 addresses differ in their upper 96 bits, which the generator's flows never vary.
/// </summary>
public sealed class ReflectedPageTests
{
    const int Count = 20_000;
    const int SourcePort = 5001;
    const int DestinationPort = 5000;

    // Enough to cycle the live-frames pool (64 pages a batch) many times over; tcpdump may miss many.
    const int MinimumCaptured = 1_000;

    static readonly IPAddress SourceIPv6 = IPAddress.Parse("2001:db8:a1::10");
    static readonly IPAddress DestinationIPv6 = IPAddress.Parse("2001:db8:b2::20");

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Every_frame_reaches_the_reflector_with_the_jobs_headers_after_pages_were_reflected(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            IPAddress source = version == IpVersion.IPv4 ? bed.GeneratorIPv4 : SourceIPv6;
            IPAddress destination = version == IpVersion.IPv4 ? bed.SinkIPv4 : DestinationIPv6;
            await using var capture = await TcpdumpCapture.StartAsync(bed.GeneratorNamespace, bed.GeneratorInterface, "udp");
            await using var returnPath = await RunningSink.StartAtGeneratorAsync(bed);
            await using var reflector = await RunningReflector.StartAsync(bed);
            var run = await UdpGenerator.RunAsync(bed, version, "--stamp", "-s", "128",
                "-A", source.ToString(), "-a", destination.ToString(), "-m", MacText.Format(bed.SinkMac),
                "-P", $"{SourcePort}", "-p", $"{DestinationPort}", "-n", Count.ToString(CultureInfo.InvariantCulture));
            long reflected = await reflector.StopAsync();
            Assert.True(run.Summary.Result == "completed" && run.Summary.Sent == Count, run.Describe());
            Assert.True(reflected >= Count * 99 / 100, $"only {reflected} of {Count} probes were reflected\n{run.Describe()}");

            var frames = (await capture.StopAsync()).Select(CapturedUdpFrame.Parse)
                .Where(f => f?.ReadProbe() is { ReflectedNs: > 0 }).Select(f => f!).ToList();
            Assert.True(frames.Count >= MinimumCaptured, $"only {frames.Count} of {reflected} reflected probes were captured");
            var wrong = frames.Where(f => !f.ChecksumsValid || !f.LengthsMatch
                || !f.SourceMac.Equals(bed.SinkMac) || !f.DestinationMac.Equals(bed.GeneratorMac)
                || !f.Source.Equals(destination) || !f.Destination.Equals(source)
                || f.SourcePort != DestinationPort || f.DestinationPort != SourcePort).ToList();
            Assert.True(wrong.Count == 0,
                $"{wrong.Count} of {frames.Count} frames did not arrive as the job's; reflected they should all be "
                + $"{bed.SinkMac} > {bed.GeneratorMac} {destination}:{DestinationPort} > {source}:{SourcePort}, e.g. {string.Join("; ", wrong.Take(3))}");
        });
    }
}
