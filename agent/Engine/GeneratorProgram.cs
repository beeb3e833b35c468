using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>Which XDP program generates the frames.</summary>
internal enum GeneratorProgramKind
{
    /// <summary>xdp_gen_udp: counts, optionally varies the destination port, redirects.</summary>
    Udp,

    /// <summary>xdp_redirect_bare: only redirects, counts nothing — the method's ceiling (benchmarks).</summary>
    Bare,

    /// <summary>xdp_drop_all: drops every frame (the kernel feature check).</summary>
    DropAll,
}

/// <summary>
/// The loaded generator object (bpf/generator.bpf.c): the XDP program that the runner hands to
/// BPF_PROG_RUN, and the tracepoint programs that count this job's transmissions.
/// </summary>
internal sealed class GeneratorProgram : IDisposable
{
    private readonly BpfObject _object;
    private readonly BpfMap _counters;
    private readonly BpfMap _errnos;
    private readonly BpfMap _rate;
    private readonly BpfMap _pacing;
    private readonly List<BpfLink> _links = [];

    private GeneratorProgram(BpfObject obj, BpfProgram xdp)
    {
        _object = obj;
        Xdp = xdp;
        _counters = obj.Map("gen_counters");
        _errnos = obj.Map("gen_redirect_errnos");
        _rate = obj.Map("gen_rate");
        _pacing = obj.Map("gen_pacing");
        _sizeFrames = obj.Map("gen_size_frames");
    }

    private readonly BpfMap _sizeFrames;

    public BpfProgram Xdp { get; }

    public static GeneratorProgram Load(GeneratorProgramKind kind, in GenConfig config)
    {
        var obj = BpfObject.OpenEmbedded("generator");
        try
        {
            string xdpName = kind switch
            {
                GeneratorProgramKind.Udp => "xdp_gen_udp",
                GeneratorProgramKind.Bare => "xdp_redirect_bare",
                _ => "xdp_drop_all",
            };
            bool counting = kind == GeneratorProgramKind.Udp;
            foreach (string name in new[] { "xdp_gen_udp", "xdp_redirect_bare", "xdp_drop_all" })
                obj.Program(name).SetAutoload(name == xdpName);
            foreach (string name in TracepointPrograms)
                obj.Program(name).SetAutoload(counting);

            obj.SetReadOnlyConfig(config);
            if (config.Stamp != 0)
                obj.Map("gen_probe_seq").SetMaxEntries(config.FlowCount);
            obj.Load();
            var program = new GeneratorProgram(obj, obj.Program(xdpName));
            if (counting)
                program.AttachTracepoints();
            return program;
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    private static readonly string[] TracepointPrograms = ["tp_devmap_xmit", "tp_redirect_err"];

    private void AttachTracepoints()
    {
        foreach (string name in TracepointPrograms)
            _links.Add(_object.Program(name).Attach());
    }

    public GeneratorCounters ReadCounters()
    {
        Span<GenCountersSlot> slots = new GenCountersSlot[BpfMap.PossibleCpuCount];
        _counters.LookupPerCpu(0, slots);

        long attempted = 0, sent = 0, dropped = 0, errors = 0, paced = 0;
        var perCpu = new List<CpuCounters>();
        for (int cpu = 0; cpu < slots.Length; cpu++)
        {
            ref readonly GenCountersSlot s = ref slots[cpu];
            attempted += (long)s.Attempted;
            sent += (long)s.Sent;
            dropped += (long)s.Dropped;
            errors += (long)s.RedirectErrors;
            paced += (long)s.Paced;
            if (s.Attempted != 0 || s.Sent != 0 || s.Dropped != 0 || s.RedirectErrors != 0)
                perCpu.Add(new CpuCounters(cpu, (long)s.Attempted, (long)s.Sent, (long)s.Dropped, (long)s.RedirectErrors));
        }
        var byErrno = errors == 0 ? new Dictionary<int, long>() : ReadErrnos();
        return new GeneratorCounters(attempted, sent, dropped, errors, byErrno, perCpu) { Paced = paced, FramesBySizeClass = ReadSizeFrames() };
    }

    /// <summary>Sets the rate the program paces to; takes effect at once, also during a call.</summary>
    public void SetRate(in GenRate rate) => _rate.Update(0u, rate);

    /// <summary>
    /// Starts every CPU's schedule afresh (from its next frame, without credit) and sets how many
    /// frames each CPU may have attempted in all (<paramref name="quotaFor"/>; long.MaxValue: no
    /// limit). Only between rounds: the program writes the same slots.
    /// </summary>
    public void StartSchedules(Func<int, long> quotaFor)
    {
        var slots = new GenPacing[BpfMap.PossibleCpuCount];
        for (int cpu = 0; cpu < slots.Length; cpu++)
            slots[cpu] = new GenPacing { Quota = (ulong)quotaFor(cpu) };
        _pacing.UpdatePerCpu<GenPacing>(0, slots);
    }

    /// <summary>Frames the program has handled on one CPU (one generator thread's work).</summary>
    public long AttemptedOnCpu(int cpu)
    {
        Span<GenCountersSlot> slots = new GenCountersSlot[BpfMap.PossibleCpuCount];
        _counters.LookupPerCpu(0, slots);
        return (long)slots[cpu].Attempted;
    }

    private Dictionary<int, long> ReadErrnos()
    {
        var result = new Dictionary<int, long>();
        for (uint errno = 0; errno < BpfLayoutConstants.ErrnoSlots; errno++)
        {
            long total = SumOverCpus(_errnos, errno);
            if (total != 0)
                result[(int)errno] = total;
        }
        return result;
    }

    private long[] ReadSizeFrames()
    {
        var frames = new long[BpfLayoutConstants.SizeClasses];
        for (uint slot = 0; slot < frames.Length; slot++)
            frames[slot] = SumOverCpus(_sizeFrames, slot);
        return frames;
    }

    private static long SumOverCpus(BpfMap map, uint key)
    {
        Span<ulong> perCpu = stackalloc ulong[BpfMap.PossibleCpuCount];
        map.LookupPerCpu(key, perCpu);
        ulong total = 0;
        foreach (ulong v in perCpu)
            total += v;
        return (long)total;
    }

    public void Dispose()
    {
        foreach (BpfLink link in _links)
            link.Dispose();
        _object.Dispose();
    }
}
