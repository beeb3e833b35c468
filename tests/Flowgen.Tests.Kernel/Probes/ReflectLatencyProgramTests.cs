using System.Diagnostics;
using System.Net;
using Flowgen.Engine;
using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;
using PacketDotNet;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// The reflector (bpf/reflect.bpf.c) and the generator's return path (bpf/latency.bpf.c), run by the
/// kernel with BPF_PROG_RUN on hand-made probes: the reflected frame is parsed by PacketDotNet, and
/// its times are checked against the test's own CLOCK_MONOTONIC readings (Stopwatch on Linux).
/// </summary>
public sealed class ReflectLatencyProgramTests
{
    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    [InlineData(IpVersion.IPv4, ProbeFrames.Ieee8021Q)]
    [InlineData(IpVersion.IPv6, ProbeFrames.Ieee8021AD)]
    public void A_probe_goes_back_swapped_stamped_and_with_a_valid_checksum(IpVersion version, ushort tagProtocol = 0)
    {
        KernelRequirement.EnsureRoot();
        using var reflector = ReflectProgram.Load();
        ulong sent = Now();
        var frame = ProbeFrames.Build(version, 3, 4, 77, sentNs: sent, extraPayload: 13, tagProtocol: tagProtocol);

        var (verdict, output) = XdpTestRun.RunOnce(reflector.Program.Fd, frame);
        ulong after = Now();

        Assert.Equal(XdpVerdict.Tx, verdict);
        if (tagProtocol != 0)
        {
            // The tag goes back as it came; the rest is checked as an untagged frame.
            var (tag, untagged) = ProbeFrames.Untag(output);
            Assert.Equal(ProbeFrames.Untag(frame).Tag, tag);
            output = untagged;
        }
        var ethernet = Assert.IsType<EthernetPacket>(Packet.ParsePacket(LinkLayers.Ethernet, output));
        var ip = Assert.IsAssignableFrom<IPPacket>(ethernet.PayloadPacket);
        var udp = Assert.IsType<UdpPacket>(ip.PayloadPacket);
        Assert.Equal((ProbeFrames.ReceiverMac, ProbeFrames.SenderMac), (ethernet.SourceHardwareAddress, ethernet.DestinationHardwareAddress));
        bool v4 = version == IpVersion.IPv4;
        Assert.Equal((v4 ? ProbeFrames.ReceiverIPv4 : ProbeFrames.ReceiverIPv6, v4 ? ProbeFrames.SenderIPv4 : ProbeFrames.SenderIPv6),
            (ip.SourceAddress, ip.DestinationAddress));
        Assert.Equal((ProbeFrames.ReceiverPort, ProbeFrames.SenderPort), (udp.SourcePort, udp.DestinationPort));
        Assert.True(udp.ValidUdpChecksum, "the reflected UDP checksum is wrong");
        if (ip is IPv4Packet ip4)
            Assert.True(ip4.ValidIPChecksum, "the reflected IPv4 header checksum is wrong");
        var (seq, sentNs, reflectedNs) = ProbeFrames.Read(output);
        Assert.Equal((77UL, sent), (seq, sentNs));
        Assert.InRange(reflectedNs, sent, after);
        Assert.Equal(1, reflector.ReadCounters().Reflected);
    }

    [SkippableFact]
    public void Other_frames_and_probes_reflected_before_pass_untouched()
    {
        KernelRequirement.EnsureRoot();
        using var reflector = ReflectProgram.Load();
        var notProbe = ProbeFrames.Build(IpVersion.IPv4, 0, 0, 1, magic: 0xdeadbeef);
        var reflectedBefore = ProbeFrames.Build(IpVersion.IPv4, 0, 0, 1, sentNs: 5, reflectedNs: 6);

        foreach (var frame in new[] { notProbe, reflectedBefore })
        {
            var (verdict, output) = XdpTestRun.RunOnce(reflector.Program.Fd, frame);
            Assert.Equal(XdpVerdict.Pass, verdict);
            Assert.Equal(frame, output);
        }
        Assert.Equal(new ReflectCounters(0, 2), reflector.ReadCounters());
    }

    [SkippableTheory]
    [InlineData((ushort)0)]
    [InlineData(ProbeFrames.Ieee8021Q)]
    [InlineData(ProbeFrames.Ieee8021AD)]
    public void A_reflected_probe_becomes_one_sample_with_its_times_in_order_and_is_dropped(ushort tagProtocol)
    {
        KernelRequirement.EnsureRoot();
        using var reflector = ReflectProgram.Load();
        using var receiver = LatencyReceiver.Load();
        const int Probes = 200;
        ulong first = Now();
        for (ulong seq = 0; seq < Probes; seq++)
        {
            var (_, reflected) = XdpTestRun.RunOnce(reflector.Program.Fd, ProbeFrames.Build(IpVersion.IPv6, 1, 2, seq, sentNs: Now(), tagProtocol: tagProtocol));
            Assert.Equal(XdpVerdict.Drop, XdpTestRun.RunOnce(receiver.Program.Fd, reflected).Verdict);
        }
        ulong last = Now();

        var samples = receiver.ReadSamples();
        Assert.Equal(Probes, samples.Count);
        Assert.Equal(Enumerable.Range(0, Probes).Select(i => (ulong)i), samples.Select(s => s.Seq));
        Assert.All(samples, s =>
        {
            Assert.True(first <= s.SentNs && s.SentNs <= s.ReflectedNs && s.ReflectedNs <= s.ReturnedNs && s.ReturnedNs <= last, s.ToString());
            Assert.Equal((1u, 2u), (s.Stream, s.Flow));
        });
        var histogram = receiver.ReadHistogram();
        Assert.Equal(Probes, histogram.Samples);
        Assert.Equal(Probes, histogram.Buckets.Sum());
        var rtts = samples.Select(s => (long)(s.ReturnedNs - s.SentNs)).ToList();
        Assert.Equal((rtts.Min(), rtts.Max(), rtts.Sum()), (histogram.MinNs, histogram.MaxNs, histogram.SumNs));
        foreach (var rtt in rtts)
            Assert.True(histogram.Buckets[LatencyHistogram.BucketOf((ulong)rtt)] > 0, $"no count in the bucket of {rtt} ns");
    }

    [SkippableFact]
    public void Probes_not_reflected_and_other_frames_pass_without_a_sample()
    {
        KernelRequirement.EnsureRoot();
        using var receiver = LatencyReceiver.Load();
        foreach (var frame in new[] { ProbeFrames.Build(IpVersion.IPv4, 0, 0, 1, sentNs: 5), ProbeFrames.Build(IpVersion.IPv4, 0, 0, 1, magic: 1) })
            Assert.Equal(XdpVerdict.Pass, XdpTestRun.RunOnce(receiver.Program.Fd, frame).Verdict);
        Assert.Equal(0, receiver.ReadHistogram().Samples);
        Assert.Empty(receiver.ReadSamples());
    }

    // CLOCK_MONOTONIC in ns, the clock bpf_ktime_get_ns reads (Stopwatch's on Linux, 1 tick = 1 ns).
    static ulong Now()
    {
        Assert.Equal(1_000_000_000L, Stopwatch.Frequency);
        return (ulong)Stopwatch.GetTimestamp();
    }
}
