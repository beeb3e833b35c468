using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>One reflected probe's three times (bpf_ktime_get_ns, one clock) and its place in its sequence.</summary>
internal readonly record struct LatencySample(ulong SentNs, ulong ReflectedNs, ulong ReturnedNs, ulong Seq, uint Stream, uint Flow);

/// <summary>
/// The generator's return path for latency (bpf/latency.bpf.c), attached to the generator's own
/// interface with a bpf_link: it catches reflected probes, fills the round-trip histogram, keeps
/// the first raw samples and drops them. Detached when disposed, and by the kernel if the process dies.
/// </summary>
internal sealed class LatencyReceiver : IDisposable
{
    private readonly BpfObject _object;
    private readonly BpfMap _totals;
    private readonly BpfMap _histogram;
    private readonly BpfMap _samples;
    private readonly BpfMap _sampleCount;
    private BpfLink? _link;

    private LatencyReceiver(BpfObject obj)
    {
        _object = obj;
        _totals = obj.Map("latency_totals");
        _histogram = obj.Map("latency_histogram");
        _samples = obj.Map("latency_samples");
        _sampleCount = obj.Map("latency_sample_count");
        Program = obj.Program("xdp_latency");
    }

    /// <summary>The loaded program (tests run it on frames of their own with BPF_PROG_RUN).</summary>
    internal BpfProgram Program { get; }

    public static LatencyReceiver Attach(InterfaceInfo iface)
    {
        var receiver = Load();
        try
        {
            receiver._link = receiver.Program.AttachXdp(iface.Index, iface.Name);
            return receiver;
        }
        catch
        {
            receiver.Dispose();
            throw;
        }
    }

    /// <summary>Loads the program without attaching it anywhere.</summary>
    public static LatencyReceiver Load() => BpfObject.LoadEmbedded("latency", obj => new LatencyReceiver(obj));

    /// <summary>The histogram and totals so far, summed over CPUs.</summary>
    public LatencyHistogram ReadHistogram()
    {
        int cpus = BpfMap.PossibleCpuCount;
        Span<LatencyTotalsSlot> slots = new LatencyTotalsSlot[cpus];
        _totals.LookupPerCpu(0, slots);
        long samples = 0, sum = 0, outOfOrder = 0;
        ulong min = 0, max = 0;
        foreach (ref readonly LatencyTotalsSlot slot in slots)
        {
            samples += (long)slot.Samples;
            sum += (long)slot.SumNs;
            outOfOrder += (long)slot.OutOfOrder;
            if (slot.MinNs != 0 && (min == 0 || slot.MinNs < min))
                min = slot.MinNs;
            max = Math.Max(max, slot.MaxNs);
        }
        var buckets = new long[BpfLayoutConstants.LatencyBuckets];
        Span<ulong> perCpu = new ulong[cpus];
        for (uint i = 0; i < buckets.Length; i++)
        {
            _histogram.LookupPerCpu(i, perCpu);
            foreach (ulong n in perCpu)
                buckets[i] += (long)n;
        }
        return new LatencyHistogram(buckets, samples, sum, (long)min, (long)max, outOfOrder);
    }

    /// <summary>The raw samples kept (the first <see cref="BpfLayoutConstants.LatencyMaxSamples"/>), in arrival order.</summary>
    public IReadOnlyList<LatencySample> ReadSamples()
    {
        _sampleCount.TryLookup(0u, out ulong offered);
        int kept = (int)Math.Min(offered, (ulong)BpfLayoutConstants.LatencyMaxSamples);
        var result = new List<LatencySample>(kept);
        for (uint i = 0; i < kept; i++)
        {
            if (_samples.TryLookup(i, out LatencySampleValue v))
                result.Add(new LatencySample(v.SentNs, v.ReflectedNs, v.ReturnedNs, v.Seq, v.Stream, v.Flow));
        }
        return result;
    }

    public void Dispose()
    {
        _link?.Dispose();
        _object.Dispose();
    }
}
