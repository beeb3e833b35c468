using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>A program inside a <see cref="BpfObject"/>; valid while the object is open.</summary>
internal sealed class BpfProgram
{
    private readonly nint _prog;

    internal BpfProgram(nint prog, string name)
    {
        _prog = prog;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The program's fd once the object is loaded.</summary>
    public int Fd
    {
        get
        {
            int fd = Libbpf.ProgramFd(_prog);
            return fd >= 0 ? fd : throw new InvalidOperationException($"BPF program {Name} is not loaded");
        }
    }

    /// <summary>Whether the next load loads this program (only before load).</summary>
    public void SetAutoload(bool autoload) => Libbpf.ProgramSetAutoload(_prog, autoload);

    /// <summary>Attaches a tracing program where its section says (tp_btf/…).</summary>
    public BpfLink Attach() => BpfLink.From(Libbpf.ProgramAttach(_prog), $"attaching {Name}");

    /// <summary>
    /// Attaches an XDP program to an interface with a bpf_link: the kernel detaches it when the
    /// last reference goes, so even a killed process leaves nothing behind (a netlink attach,
    /// as xdp-trafficgen uses, would survive it).
    /// </summary>
    public BpfLink AttachXdp(int ifindex, string interfaceName)
    {
        nint link = Libbpf.ProgramAttachXdp(_prog, ifindex);
        if (link != 0)
            return BpfLink.From(link, string.Empty);
        int errno = Marshal.GetLastPInvokeError();
        throw new XdpAttachException(interfaceName, errno);
    }
}
