using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>A file descriptor (here: a socket) that is closed when the handle is released.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle() : base(-1, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == -1;

    internal static FileDescriptorHandle From(int fd, string operation)
    {
        if (fd < 0)
            throw new NativeException(operation, Marshal.GetLastPInvokeError());
        var result = new FileDescriptorHandle();
        result.SetHandle(fd);
        return result;
    }

    protected override bool ReleaseHandle() => LibcSockets.Close((int)handle) == 0;
}
