using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>A map inside a loaded <see cref="BpfObject"/>; valid while the object is open.</summary>
internal sealed unsafe class BpfMap
{
    private static readonly Lazy<int> PossibleCpus = new(() =>
    {
        int n = Libbpf.NumPossibleCpus();
        return n > 0 ? n : throw new NativeException("counting possible CPUs", -n);
    });

    private readonly nint _map;

    internal BpfMap(nint map, string name)
    {
        _map = map;
        Name = name;
    }

    public string Name { get; }

    public uint MaxEntries => Libbpf.MapMaxEntries(_map);

    /// <summary>The number of slots in a per-CPU value (possible CPUs, not online ones).</summary>
    public static int PossibleCpuCount => PossibleCpus.Value;

    /// <summary>
    /// Reads one per-CPU entry into <paramref name="perCpu"/> (one T per possible CPU).
    /// T's size must be a multiple of 8: the kernel pads each CPU's slot to 8 bytes.
    /// </summary>
    public void LookupPerCpu<T>(uint key, Span<T> perCpu) where T : unmanaged
    {
        if (sizeof(T) % 8 != 0 || sizeof(T) != Libbpf.MapValueSize(_map))
            throw new InvalidOperationException($"map {Name}: {typeof(T).Name} does not match its value size");
        if (perCpu.Length != PossibleCpuCount)
            throw new ArgumentException($"needs one slot per possible CPU ({PossibleCpuCount})", nameof(perCpu));
        int fd = Libbpf.MapFd(_map);
        fixed (T* values = perCpu)
        {
            if (Libbpf.MapLookupElem(fd, &key, values) != 0)
                throw new NativeException($"reading map {Name}[{key}]", Marshal.GetLastPInvokeError());
        }
    }
}
