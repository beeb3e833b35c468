using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>Sockets, socket ioctls and interface-name lookups. All resolve in the calling thread's network namespace.</summary>
internal static unsafe partial class LibcSockets
{
    public const int AfInet = 2;
    public const int AfNetlink = 16;
    public const int SockDgram = 2;
    public const int SockRaw = 3;
    public const int SockCloexec = 0x80000;

    /// <summary>IFNAMSIZ: an interface name is at most 15 bytes plus its terminating NUL.</summary>
    public const int InterfaceNameSize = 16;

    [LibraryImport(Libraries.Libc, EntryPoint = "socket", SetLastError = true)]
    private static partial int SocketNative(int domain, int type, int protocol);

    [LibraryImport(Libraries.Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(SafeHandle fd, void* buffer, nuint length, int flags);

    [LibraryImport(Libraries.Libc, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Receive(SafeHandle fd, void* buffer, nuint length, int flags);

    [LibraryImport(Libraries.Libc, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(SafeHandle fd, nuint request, void* argument);

    [LibraryImport(Libraries.Libc, EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint IfNameToIndex(string name);

    [LibraryImport(Libraries.Libc, EntryPoint = "if_indextoname", SetLastError = true)]
    private static partial byte* IfIndexToName(uint index, byte* name);

    public static FileDescriptorHandle Socket(int domain, int type, int protocol, string operation) =>
        FileDescriptorHandle.From(SocketNative(domain, type | SockCloexec, protocol), operation);

    /// <summary>The interface's index, or null when no interface has that name.</summary>
    public static int? InterfaceIndex(string name)
    {
        uint index = IfNameToIndex(name);
        if (index != 0)
            return (int)index;
        int errno = Marshal.GetLastPInvokeError();
        return errno is Errno.ENODEV or Errno.ENXIO or Errno.ENOENT
            ? null
            : throw new NativeException($"looking up interface '{name}'", errno);
    }

    /// <summary>The interface's name, or null when no interface has that index.</summary>
    public static string? InterfaceName(int index)
    {
        byte* name = stackalloc byte[InterfaceNameSize];
        if (IfIndexToName((uint)index, name) != null)
            return Marshal.PtrToStringUTF8((nint)name);
        int errno = Marshal.GetLastPInvokeError();
        return errno is Errno.ENODEV or Errno.ENXIO
            ? null
            : throw new NativeException($"looking up interface index {index}", errno);
    }
}
