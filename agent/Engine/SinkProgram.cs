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
    private readonly BpfLink _link;

    private SinkProgram(BpfObject obj, BpfLink link)
    {
        _object = obj;
        _link = link;
        _counters = obj.Map("sink_counters");
    }

    public static SinkProgram Attach(InterfaceInfo iface, bool passTestTraffic)
    {
        var obj = BpfObject.OpenEmbedded("sink");
        try
        {
            obj.SetReadOnlyConfig(new SinkConfig { PassTestTraffic = passTestTraffic ? 1u : 0u });
            obj.Load();
            BpfLink link = obj.Program("xdp_sink").AttachXdp(iface.Index, iface.Name);
            return new SinkProgram(obj, link);
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

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

    public void Dispose()
    {
        _link.Dispose();
        _object.Dispose();
    }
}
