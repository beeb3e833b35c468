using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>An attachment (bpf_link); disposing it detaches the program.</summary>
internal sealed class BpfLink : SafeHandle
{
    public BpfLink() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal static BpfLink From(nint link, string operation)
    {
        if (link == 0)
            throw new NativeException(operation, Marshal.GetLastPInvokeError());
        var result = new BpfLink();
        result.SetHandle(link);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        return Libbpf.LinkDestroy(handle) == 0;
    }
}
