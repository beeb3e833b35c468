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

    /// <summary>Resizes the map; only before its object is loaded.</summary>
    public void SetMaxEntries(uint maxEntries)
    {
        if (Libbpf.MapSetMaxEntries(_map, maxEntries) != 0)
            throw new NativeException($"sizing map {Name} to {maxEntries} entries", Marshal.GetLastPInvokeError());
    }

    /// <summary>The number of slots in a per-CPU value (possible CPUs, not online ones).</summary>
    public static int PossibleCpuCount => PossibleCpus.Value;

    /// <summary>
    /// Reads the value under <paramref name="key"/>; false when there is none. With
    /// <see cref="BpfMapFlags.Lock"/> the kernel takes the value's bpf_spin_lock while copying.
    /// </summary>
    public bool TryLookup<TKey, TValue>(in TKey key, out TValue value, BpfMapFlags flags = BpfMapFlags.Any)
        where TKey : unmanaged where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        TValue result;
        fixed (TKey* k = &key)
        {
            if (Libbpf.MapLookupElemFlags(Libbpf.MapFd(_map), k, &result, (ulong)flags) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                value = default;
                return errno == Errno.ENOENT ? false : throw new NativeException($"reading map {Name}", errno);
            }
        }
        value = result;
        return true;
    }

    /// <summary>Writes the value under <paramref name="key"/> (see <see cref="BpfMapFlags"/>).</summary>
    public void Update<TKey, TValue>(in TKey key, in TValue value, BpfMapFlags flags = BpfMapFlags.Any)
        where TKey : unmanaged where TValue : unmanaged
    {
        CheckSizes<TKey, TValue>();
        fixed (TKey* k = &key)
        fixed (TValue* v = &value)
        {
            if (Libbpf.MapUpdateElem(Libbpf.MapFd(_map), k, v, (ulong)flags) != 0)
                throw new NativeException($"writing map {Name}", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Removes the entry under <paramref name="key"/>; false when there was none.</summary>
    public bool Delete<TKey>(in TKey key) where TKey : unmanaged
    {
        fixed (TKey* k = &key)
        {
            if (Libbpf.MapDeleteElem(Libbpf.MapFd(_map), k) == 0)
                return true;
            int errno = Marshal.GetLastPInvokeError();
            return errno == Errno.ENOENT ? false : throw new NativeException($"deleting from map {Name}", errno);
        }
    }

    /// <summary>
    /// The keys of a hash map at the time of the call (each read by bpf_map_get_next_key; entries
    /// added meanwhile may or may not appear).
    /// </summary>
    public List<TKey> Keys<TKey>() where TKey : unmanaged
    {
        if (sizeof(TKey) != Libbpf.MapKeySize(_map))
            throw new InvalidOperationException($"map {Name}: {typeof(TKey).Name} does not match its key size");
        var keys = new List<TKey>();
        int fd = Libbpf.MapFd(_map);
        TKey next;
        // A null key asks for the first one.
        void* previous = null;
        TKey current;
        while (Libbpf.MapGetNextKey(fd, previous, &next) == 0)
        {
            keys.Add(next);
            current = next;
            previous = &current;
        }
        int errno = Marshal.GetLastPInvokeError();
        return errno == Errno.ENOENT ? keys : throw new NativeException($"listing map {Name}", errno);
    }

    private void CheckSizes<TKey, TValue>() where TKey : unmanaged where TValue : unmanaged
    {
        if (sizeof(TKey) != Libbpf.MapKeySize(_map) || sizeof(TValue) != Libbpf.MapValueSize(_map))
            throw new InvalidOperationException(
                $"map {Name}: {typeof(TKey).Name}/{typeof(TValue).Name} ({sizeof(TKey)}/{sizeof(TValue)} bytes) " +
                $"do not match its key/value sizes ({Libbpf.MapKeySize(_map)}/{Libbpf.MapValueSize(_map)}); the C and C# layouts differ");
    }

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

    /// <summary>Writes one per-CPU entry from <paramref name="perCpu"/> (one T per possible CPU; see <see cref="LookupPerCpu"/>).</summary>
    public void UpdatePerCpu<T>(uint key, ReadOnlySpan<T> perCpu) where T : unmanaged
    {
        if (sizeof(T) % 8 != 0 || sizeof(T) != Libbpf.MapValueSize(_map))
            throw new InvalidOperationException($"map {Name}: {typeof(T).Name} does not match its value size");
        if (perCpu.Length != PossibleCpuCount)
            throw new ArgumentException($"needs one slot per possible CPU ({PossibleCpuCount})", nameof(perCpu));
        fixed (T* values = perCpu)
        {
            if (Libbpf.MapUpdateElem(Libbpf.MapFd(_map), &key, values, (ulong)BpfMapFlags.Any) != 0)
                throw new NativeException($"writing map {Name}[{key}]", Marshal.GetLastPInvokeError());
        }
    }
}

/// <summary>Flags of bpf_map_lookup_elem_flags / bpf_map_update_elem (uapi BPF_ANY …).</summary>
[Flags]
internal enum BpfMapFlags : ulong
{
    Any = 0,
    NoExist = 1,
    Exist = 2,

    /// <summary>BPF_F_LOCK: copy under the value's bpf_spin_lock (which itself is neither read nor written).</summary>
    Lock = 4,
}
