using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Flowgen.Engine.Tcp;

/// <summary>Builds struct tcp_flow_key for a connection, seen from our side.</summary>
internal static class TcpFlowKeys
{
    private const byte Ipv4 = 4;
    private const byte Ipv6 = 6;

    public static TcpFlowKey From(IPEndPoint local, IPEndPoint remote)
    {
        var key = new TcpFlowKey
        {
            Family = local.AddressFamily == AddressFamily.InterNetworkV6 ? Ipv6 : Ipv4,
            LocalPortBigEndian = BigEndian((ushort)local.Port),
            RemotePortBigEndian = BigEndian((ushort)remote.Port),
        };
        Write(key.Local, local.Address);
        Write(key.Remote, remote.Address);
        return key;
    }

    // The map holds ports as the packet does; the C# field is read as a native (little-endian) u16.
    private static ushort BigEndian(ushort port) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(port) : port;

    private static void Write(Span<byte> field, IPAddress address)
    {
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (!plain.TryWriteBytes(field, out _))
            throw new ArgumentException($"{address} does not fit a flow key", nameof(address));
    }
}
