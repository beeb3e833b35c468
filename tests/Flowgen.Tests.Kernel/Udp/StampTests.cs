using System.Diagnostics;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// <c>flowgen udp --stamp</c>: every frame carries a probe (bpf/flowgen.h, struct flowgen_probe)
/// that numbers it within its (generator CPU, flow) stream from 0, with its send time, and the
/// frame's checksums stay valid — checked at the receiver by PacketDotNet and the kernel.
/// </summary>
public sealed class StampTests
{
    const int Count = 3000;
    const int FirstPort = 5000;
    const int Flows = 3;
    const int FrameSize = 128;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Every_frame_carries_a_probe_numbering_it_in_its_cpu_and_flow_from_zero(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            ulong before = (ulong)Stopwatch.GetTimestamp();
            var result = await CapturedUdpRun.RunAsync(bed, version, Count,
                "--stamp", "-t", "2", "-p", $"{FirstPort}", "-d", $"{Flows}", "-s", $"{FrameSize}");
            ulong after = (ulong)Stopwatch.GetTimestamp();

            result.AssertAllArrivedIntact(Count);
            var probes = result.Frames.Select(frame => (frame, probe: frame.ReadProbe())).ToList();
            Assert.All(probes, p => Assert.NotNull(p.probe));
            Assert.All(probes, p => Assert.Equal((uint)(p.frame.DestinationPort - FirstPort), p.probe!.Flow));
            Assert.All(probes, p => Assert.InRange(p.probe!.SentNs, before, after));
            Assert.All(probes, p => Assert.Equal(0ul, p.probe!.ReflectedNs));

            // Each (CPU, flow) numbers its frames 0, 1, 2 …; a number is missing only where the driver
            // dropped that frame (two threads can overflow the veth ring), which the run reports.
            var streams = probes.GroupBy(p => (p.probe!.Stream, p.probe.Flow)).Select(s => s.Select(p => p.probe!.Seq).ToList()).ToList();
            Assert.Equal(2 * Flows, streams.Count);
            Assert.All(streams, seqs => Assert.Equal(seqs.Count, seqs.Distinct().Count()));
            Assert.All(streams, seqs => Assert.Equal(0ul, seqs.Min()));
            long missing = streams.Sum(seqs => (long)seqs.Max() + 1 - seqs.Count);
            Assert.True(missing <= result.Run.Summary.Dropped + result.Run.Summary.Errors,
                $"{missing} sequence numbers are missing but the run dropped only {result.Run.Summary.Dropped}: {result.Run.Describe()}");
        });
    }
}
