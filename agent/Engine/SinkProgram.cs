using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>Totals of the counting sink, summed over CPUs.</summary>
internal readonly record struct SinkCounters(long Packets, long WireBytes, long Other)
{
    public static SinkCounters Zero => default;
}

/// <summary>
/// The counting sink (bpf/sink.bpf.c) attached to an interface with a bpf_link: detached when
/// disposed, and by the kernel if the process dies.
/// </summary>
internal sealed class SinkProgram : IDisposable
{
    private readonly BpfObject _object;
    private readonly BpfMap _counters;
    private readonly BpfMap _verifyFlows;
    private readonly BpfMap _verifyUntracked;
    private readonly BpfMap _timeline;
    private BpfLink? _link;

    private SinkProgram(BpfObject obj)
    {
        _object = obj;
        _counters = obj.Map("sink_counters");
        _verifyFlows = obj.Map("verify_flows");
        _verifyUntracked = obj.Map("verify_untracked");
        _timeline = obj.Map("sink_timeline");
        Program = obj.Program("xdp_sink");
    }

    /// <summary>The loaded program (tests run it on frames of their own with BPF_PROG_RUN).</summary>
    internal BpfProgram Program { get; }

    /// <param name="timelineBin">Count arrivals into bins this long, from about now (<see cref="ReadTimeline"/>); null: no timeline.</param>
    public static SinkProgram Attach(InterfaceInfo iface, bool passTestTraffic, bool verify, TimeSpan? timelineBin = null)
    {
        var sink = Load(passTestTraffic, verify);
        try
        {
            if (timelineBin is { } bin)
                sink.StartTimeline(bin);
            sink._link = sink.Program.AttachXdp(iface.Index, iface.Name);
            return sink;
        }
        catch
        {
            sink.Dispose();
            throw;
        }
    }

    /// <summary>Loads the program without attaching it anywhere.</summary>
    public static SinkProgram Load(bool passTestTraffic, bool verify) => BpfObject.LoadEmbedded(
        "sink",
        obj => new SinkProgram(obj),
        obj => obj.SetReadOnlyConfig(new SinkConfig { PassTestTraffic = passTestTraffic ? 1u : 0u, Verify = verify ? 1u : 0u }));

    private void StartTimeline(TimeSpan bin) =>
        _object.Map("sink_timeline_config").Update(0u, new SinkTimelineConfig
        {
            OriginNs = MonotonicClock.Nanoseconds(),
            BinNs = (ulong)(bin.Ticks * (1_000_000 / TimeSpan.TicksPerMillisecond)),
        });

    /// <summary>What --verify saw of the probes' sequence numbers so far.</summary>
    public SequenceVerification ReadVerification() => SequenceVerification.Read(_verifyFlows, _verifyUntracked);

    public SinkCounters ReadCounters()
    {
        Span<SinkCountersSlot> slots = new SinkCountersSlot[BpfMap.PossibleCpuCount];
        _counters.LookupPerCpu(0, slots);
        long packets = 0, bytes = 0, other = 0;
        foreach (ref readonly SinkCountersSlot slot in slots)
        {
            packets += (long)slot.Packets;
            bytes += (long)slot.WireBytes;
            other += (long)slot.Other;
        }
        return new SinkCounters(packets, bytes, other);
    }

    /// <summary>Frames per timeline bin, summed over CPUs (all bins; the last also holds every later frame).</summary>
    public long[] ReadTimeline()
    {
        var counts = new long[BpfLayoutConstants.TimelineBins];
        Span<ulong> perCpu = new ulong[BpfMap.PossibleCpuCount];
        for (uint bin = 0; bin < counts.Length; bin++)
        {
            _timeline.LookupPerCpu(bin, perCpu);
            foreach (ulong count in perCpu)
                counts[bin] += (long)count;
        }
        return counts;
    }

    public void Dispose()
    {
        _link?.Dispose();
        _object.Dispose();
    }
}
