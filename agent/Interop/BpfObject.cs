using System.Reflection;
using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>
/// A BPF object file opened from the bytes embedded in this assembly (bpf/NAME.bpf.o), then
/// configured and loaded. Owns the object, its programs and maps; links are owned separately.
/// </summary>
internal sealed unsafe class BpfObject : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly string _name;

    private BpfObject(ObjectHandle handle, string name)
    {
        _handle = handle;
        _name = name;
    }

    /// <summary>
    /// Opens the embedded object, lets <paramref name="configure"/> set it up before load, loads it
    /// and hands it to <paramref name="own"/>; the object is disposed if any step fails.
    /// </summary>
    public static T LoadEmbedded<T>(string name, Func<BpfObject, T> own, Action<BpfObject>? configure = null)
    {
        var obj = OpenEmbedded(name);
        try
        {
            configure?.Invoke(obj);
            obj.Load();
            return own(obj);
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    /// <summary>Opens the embedded object "bpf/<paramref name="name"/>.bpf.o".</summary>
    public static BpfObject OpenEmbedded(string name)
    {
        string resource = $"bpf/{name}.bpf.o";
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"BPF object '{resource}' is not embedded in this build");

        // libbpf keeps pointing into the ELF image until the object is loaded: the buffer
        // lives as long as the object.
        nuint size = (nuint)stream.Length;
        void* buffer = NativeMemory.Alloc(size);
        stream.ReadExactly(new Span<byte>(buffer, checked((int)size)));
        nint obj = Libbpf.ObjectOpenMem(buffer, size, null);
        if (obj == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            NativeMemory.Free(buffer);
            throw new NativeException($"opening BPF object {name}", errno);
        }
        return new BpfObject(new ObjectHandle(obj, buffer), name);
    }

    public BpfProgram Program(string name)
    {
        nint prog = Libbpf.ObjectFindProgram(Raw, name);
        return prog == 0
            ? throw new InvalidOperationException($"BPF object {_name} has no program '{name}'")
            : new BpfProgram(prog, name);
    }

    public BpfMap Map(string name)
    {
        nint map = Libbpf.ObjectFindMap(Raw, name);
        return map == 0
            ? throw new InvalidOperationException($"BPF object {_name} has no map '{name}'")
            : new BpfMap(map, name);
    }

    /// <summary>
    /// Sets the object's read-only configuration (its .rodata, one struct that user space
    /// mirrors field for field). Only before <see cref="Load"/>.
    /// </summary>
    public void SetReadOnlyConfig<T>(in T config) where T : unmanaged
    {
        nint map = Libbpf.ObjectFindMap(Raw, ".rodata");
        if (map == 0)
            throw new InvalidOperationException($"BPF object {_name} has no .rodata to configure");
        nuint size;
        void* data = Libbpf.MapInitialValue(map, &size);
        if (data is null || size != (nuint)sizeof(T))
            throw new InvalidOperationException(
                $"BPF object {_name}: .rodata is {size} bytes but {typeof(T).Name} is {sizeof(T)}; the C and C# layouts differ");
        *(T*)data = config;
    }

    public void Load()
    {
        if (Libbpf.ObjectLoad(Raw) != 0)
            throw new NativeException($"loading BPF object {_name} (the verifier's log, if any, is above)", Marshal.GetLastPInvokeError());
    }

    public void Dispose() => _handle.Dispose();

    private nint Raw => _handle.IsClosed
        ? throw new ObjectDisposedException(nameof(BpfObject))
        : _handle.DangerousGetHandle();

    private sealed class ObjectHandle : SafeHandle
    {
        private readonly void* _buffer;

        public ObjectHandle(nint obj, void* buffer) : base(0, ownsHandle: true)
        {
            SetHandle(obj);
            _buffer = buffer;
        }

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            Libbpf.ObjectClose(handle);
            NativeMemory.Free(_buffer);
            return true;
        }
    }
}
