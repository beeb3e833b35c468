using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>Totals of the reflector, summed over CPUs.</summary>
internal readonly record struct ReflectCounters(long Reflected, long Passed);

/// <summary>
/// `flowgen reflect`'s program (bpf/reflect.bpf.c): turns probes back where they came from.
/// Attached with a bpf_link: detached when disposed, and by the kernel if the process dies.
/// </summary>
internal sealed class ReflectProgram : IDisposable
{
    private readonly BpfObject _object;
    private readonly BpfMap _counters;
    private BpfLink? _link;

    private ReflectProgram(BpfObject obj)
    {
        _object = obj;
        _counters = obj.Map("reflect_counters");
        Program = obj.Program("xdp_reflect");
    }

    /// <summary>The loaded program (tests run it on frames of their own with BPF_PROG_RUN).</summary>
    internal BpfProgram Program { get; }

    public static ReflectProgram Attach(InterfaceInfo iface)
    {
        var reflector = Load();
        try
        {
            reflector._link = reflector.Program.AttachXdp(iface.Index, iface.Name);
            return reflector;
        }
        catch
        {
            reflector.Dispose();
            throw;
        }
    }

    /// <summary>Loads the program without attaching it anywhere.</summary>
    public static ReflectProgram Load() => BpfObject.LoadEmbedded("reflect", obj => new ReflectProgram(obj));

    public ReflectCounters ReadCounters()
    {
        Span<ReflectCountersSlot> slots = new ReflectCountersSlot[BpfMap.PossibleCpuCount];
        _counters.LookupPerCpu(0, slots);
        long reflected = 0, passed = 0;
        foreach (ref readonly ReflectCountersSlot slot in slots)
        {
            reflected += (long)slot.Reflected;
            passed += (long)slot.Passed;
        }
        return new ReflectCounters(reflected, passed);
    }

    public void Dispose()
    {
        _link?.Dispose();
        _object.Dispose();
    }
}
