using Flowgen.Engine;
using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// The sink's --verify path (bpf/sink.bpf.c, sink_verify.h), run by the kernel with BPF_PROG_RUN on
/// hand-made probe frames in a chosen order, its account compared with a plain model of the
/// definitions (distinct seqs received, gaps below the highest lost, repeats duplicated, first
/// arrivals below an earlier higher seq reordered), untagged or behind an 802.1Q or 802.1ad tag.
/// </summary>
public sealed class SinkVerifyProgramTests
{
    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    [InlineData(IpVersion.IPv4, ProbeFrames.Ieee8021AD)]
    [InlineData(IpVersion.IPv6, ProbeFrames.Ieee8021Q)]
    public void Late_packets_fill_gaps_and_repeats_count_as_duplicates(IpVersion version, ushort tagProtocol = 0)
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: true);

        foreach (ulong seq in new ulong[] { 0, 1, 3, 5, 2, 2, 4, 4, 7 })
            Assert.Equal(XdpVerdict.Drop, Run(sink, ProbeFrames.Build(version, 0, 0, seq, tagProtocol: tagProtocol)));

        var flow = Assert.Single(sink.ReadVerification().Flows);
        Assert.Equal((8L, 7L, 1L, 2L, 2L, 0L), (flow.Expected, flow.Received, flow.Lost, flow.Duplicates, flow.Reordered, flow.Stale));
        bool v4 = version == IpVersion.IPv4;
        Assert.Equal(v4 ? ProbeFrames.SenderIPv4 : ProbeFrames.SenderIPv6, flow.Source);
        Assert.Equal(v4 ? ProbeFrames.ReceiverIPv4 : ProbeFrames.ReceiverIPv6, flow.Destination);
        Assert.Equal((ProbeFrames.SenderPort, ProbeFrames.ReceiverPort), ((ushort)flow.SourcePort, (ushort)flow.DestinationPort));
    }

    [SkippableFact]
    public void Each_stream_and_flow_is_its_own_sequence()
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: true);
        var arrivals = new List<(ushort Stream, uint Flow, ulong Seq)>();
        for (ulong seq = 0; seq < 20; seq++)
        {
            arrivals.Add((0, 0, seq));
            if (seq % 3 != 1)
                arrivals.Add((1, 0, seq));
            arrivals.Add((0, 7, 19 - seq));
        }
        foreach (var (stream, flow, seq) in arrivals)
            Run(sink, ProbeFrames.Build(IpVersion.IPv4, stream, flow, seq));

        AssertMatchesModel(arrivals, sink.ReadVerification());
    }

    [SkippableFact]
    public void Jumps_beyond_the_window_leave_older_packets_unclassified_and_newer_ones_exact()
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: true);
        // 200 crosses words; 5000 the whole window; 904 is older than the window then, 1000 not.
        ulong[] order = [0, 200, 100, 100, 0, 5000, 4999, 904, 1000, 1000];
        foreach (ulong seq in order)
            Run(sink, ProbeFrames.Build(IpVersion.IPv4, 2, 3, seq));

        var flow = Assert.Single(sink.ReadVerification().Flows);
        Assert.Equal((2u, 3u), (flow.Stream, flow.Flow));
        // Received 0, 200, 100, 5000, 4999, 1000; repeats of 100, 0 and 1000; 904 stale.
        Assert.Equal((5001L, 6L, 4995L, 3L, 3L, 1L), (flow.Expected, flow.Received, flow.Lost, flow.Duplicates, flow.Reordered, flow.Stale));
    }

    [SkippableFact]
    public void A_random_order_with_losses_and_repeats_matches_the_model()
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: true);
        var random = new Random(7);
        var arrivals = new List<(ushort Stream, uint Flow, ulong Seq)>();
        for (ulong seq = 0; seq < 3000; seq++)
        {
            double roll = random.NextDouble();
            if (roll < 0.05)
                continue; // lost
            var at = arrivals.Count - random.Next(0, Math.Min(arrivals.Count, 20) + 1) * (roll < 0.15 ? 1 : 0);
            arrivals.Insert(at, (1, 1, seq));
            if (roll > 0.97)
                arrivals.Insert(random.Next(at, arrivals.Count + 1), (1, 1, seq));
        }
        foreach (var (stream, flow, seq) in arrivals)
            Run(sink, ProbeFrames.Build(IpVersion.IPv6, stream, flow, seq));

        var verification = sink.ReadVerification();
        AssertMatchesModel(arrivals, verification);
        var only = Assert.Single(verification.Flows);
        Assert.True(only.Lost > 0 && only.Duplicates > 0 && only.Reordered > 0, $"the order should exercise every case: {only}");
    }

    [SkippableFact]
    public void Frames_that_are_not_probes_are_counted_but_not_followed()
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: true);
        Run(sink, ProbeFrames.Build(IpVersion.IPv4, 0, 0, 5, magic: 0x12345678));
        Assert.Empty(sink.ReadVerification().Flows);
        Assert.Equal(1, sink.ReadCounters().Packets);
    }

    [SkippableFact]
    public void Without_verify_nothing_is_followed()
    {
        KernelRequirement.EnsureRoot();
        using var sink = SinkProgram.Load(passTestTraffic: false, verify: false);
        Run(sink, ProbeFrames.Build(IpVersion.IPv4, 0, 0, 5));
        Assert.Empty(sink.ReadVerification().Flows);
    }

    static XdpVerdict Run(SinkProgram sink, byte[] frame) => XdpTestRun.RunOnce(sink.Program.Fd, frame).Verdict;

    /// <summary>The definitions, applied to the arrivals in order, per (stream, flow).</summary>
    static void AssertMatchesModel(List<(ushort Stream, uint Flow, ulong Seq)> arrivals, SequenceVerification actual)
    {
        var expected = arrivals.GroupBy(a => (a.Stream, a.Flow)).OrderBy(g => g.Key).Select(g =>
        {
            var seen = new HashSet<ulong>();
            long duplicates = 0, reordered = 0;
            ulong highest = 0;
            bool any = false;
            foreach (var (_, _, seq) in g)
            {
                if (!seen.Add(seq))
                    duplicates++;
                else if (any && seq < highest)
                    reordered++;
                if (!any || seq > highest)
                    highest = seq;
                any = true;
            }
            long next = (long)highest + 1;
            return ((uint)g.Key.Stream, g.Key.Flow, next, (long)seen.Count, next - seen.Count, duplicates, reordered, 0L);
        }).ToList();
        Assert.Equal(expected, actual.Flows.Select(f => (f.Stream, f.Flow, f.Expected, f.Received, f.Lost, f.Duplicates, f.Reordered, f.Stale)).ToList());
    }
}
