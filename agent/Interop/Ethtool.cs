using System.Runtime.InteropServices;
using System.Text;

namespace Flowgen.Interop;

/// <summary>The driver behind an interface, asked through the SIOCETHTOOL ioctl (what `ethtool -i` shows).</summary>
internal static unsafe class Ethtool
{
    private const nuint SiocEthtool = 0x8946;
    private const uint GetDriverInfo = 0x3; // ETHTOOL_GDRVINFO

    /// <summary>struct ifreq: the name, then a 24-byte union whose first member we use as ifr_data.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 40)]
    private struct InterfaceRequest
    {
        public fixed byte Name[LibcSockets.InterfaceNameSize];
        public void* Data;
    }

    /// <summary>struct ethtool_drvinfo (196 bytes); only the command and the driver name are read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 196)]
    private struct DriverInfo
    {
        public uint Command;
        public fixed byte Driver[32];
    }

    /// <summary>The driver's name ("veth", "virtio_net", …), or null when the interface does not say.</summary>
    public static string? DriverName(string interfaceName)
    {
        byte[] name = Encoding.UTF8.GetBytes(interfaceName);
        if (name.Length >= LibcSockets.InterfaceNameSize)
            return null;

        using var socket = LibcSockets.Socket(LibcSockets.AfInet, LibcSockets.SockDgram, 0, "opening a socket for ethtool");
        var info = new DriverInfo { Command = GetDriverInfo };
        var request = new InterfaceRequest { Data = &info };
        name.CopyTo(new Span<byte>(request.Name, LibcSockets.InterfaceNameSize));
        if (LibcSockets.Ioctl(socket, SiocEthtool, &request) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno is Errno.EOPNOTSUPP or Errno.ENODEV
                ? null
                : throw new NativeException($"reading the driver of {interfaceName} (ETHTOOL_GDRVINFO)", errno);
        }
        var driver = new ReadOnlySpan<byte>(info.Driver, 32);
        int end = driver.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? driver : driver[..end]);
    }
}
