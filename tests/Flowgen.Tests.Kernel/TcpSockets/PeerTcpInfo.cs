using System.Buffers.Binary;
using System.Net.Sockets;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>
/// The receiving socket's own TCP_INFO, decoded here with offsets of this test's own (struct tcp_info in
/// linux/tcp.h), not the product's: the peer's view of the same handshake.
/// </summary>
public sealed record PeerTcpInfo(byte State, byte Options, int SendWindowScale, int ReceiveWindowScale, int AdvertisedMss, ulong BytesReceived)
{
    const int IpprotoTcp = 6;
    const int TcpInfoOption = 11;
    const int BufferSize = 256;

    public const byte Established = 1;

    public static PeerTcpInfo Read(Socket socket)
    {
        var info = new byte[BufferSize];
        var length = socket.GetRawSocketOption(IpprotoTcp, TcpInfoOption, info);
        Assert.True(length >= 136, $"TCP_INFO gave only {length} bytes");
        return new PeerTcpInfo(
            State: info[0],
            Options: info[5],
            SendWindowScale: info[6] & 0xF,
            ReceiveWindowScale: info[6] >> 4,
            AdvertisedMss: BinaryPrimitives.ReadInt32LittleEndian(info.AsSpan(84)),
            BytesReceived: BinaryPrimitives.ReadUInt64LittleEndian(info.AsSpan(128)));
    }

    public bool Timestamps => (Options & 1) != 0;
    public bool Sack => (Options & 2) != 0;
    public bool WindowScaling => (Options & 4) != 0;
}
