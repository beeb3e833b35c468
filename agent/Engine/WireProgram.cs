using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// The lossy wire (bpf/wire.bpf.c): one XDP program attached with bpf_links to interfaces A and
/// B, forwarding each one's frames out of the other and dropping a set fraction, plus the two
/// tracepoint programs that report the forwarded frames' fate. Everything is detached when
/// disposed, and by the kernel if the process dies.
/// </summary>
internal sealed class WireProgram : IDisposable
{
    private const uint AToBKey = 0;
    private const uint BToAKey = 1;

    private readonly BpfObject _object;
    private readonly BpfMap _counters;
    private readonly List<BpfLink> _links;

    private WireProgram(BpfObject obj, List<BpfLink> links)
    {
        _object = obj;
        _links = links;
        _counters = obj.Map("wire_counters");
    }

    public static WireProgram Attach(InterfaceInfo a, InterfaceInfo b, WireSettings settings)
    {
        var obj = BpfObject.OpenEmbedded("wire");
        var links = new List<BpfLink>();
        try
        {
            obj.SetReadOnlyConfig(settings.ToConfig(a.Index, b.Index));
            obj.Load();
            // The tracepoints first, so no forwarded frame goes unreported.
            links.Add(obj.Program("tp_wire_xmit").Attach());
            links.Add(obj.Program("tp_wire_redirect_err").Attach());
            BpfProgram xdp = obj.Program("xdp_wire");
            links.Add(xdp.AttachXdp(a.Index, a.Name));
            links.Add(xdp.AttachXdp(b.Index, b.Name));
            return new WireProgram(obj, links);
        }
        catch
        {
            Release(links, obj);
            throw;
        }
    }

    public WireCounters ReadCounters() => new(Read(AToBKey), Read(BToAKey));

    private WireDirectionCounters Read(uint direction)
    {
        Span<WireCountersSlot> slots = new WireCountersSlot[BpfMap.PossibleCpuCount];
        _counters.LookupPerCpu(direction, slots);
        return WireDirectionCounters.Sum(slots);
    }

    public void Dispose() => Release(_links, _object);

    // The XDP links were added last: detach them first.
    private static void Release(List<BpfLink> links, BpfObject obj)
    {
        for (int i = links.Count - 1; i >= 0; i--)
            links[i].Dispose();
        obj.Dispose();
    }
}
