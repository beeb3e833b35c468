using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using static Flowgen.Interop.Tcp.TcpSocketOptions;

namespace Flowgen.Interop.Tcp;

/// <summary>
/// A kernel TCP connection that XDP takes over: the kernel does the handshake (<see cref="Connect"/>),
/// <see cref="Negotiated"/> reads what it settled, <see cref="Freeze"/> puts the socket in repair mode
/// (it sends nothing more) and reads the sequence numbers to continue from, and <see cref="Dispose"/>
/// then closes it without a FIN or RST. The local port is known from <see cref="Bind"/> on, before
/// connect, so the ingress program can be told the 4-tuple before the SYN-ACK arrives.
/// </summary>
public sealed class KernelTcpConnection : IDisposable
{
    private readonly Socket socket;
    private Phase phase = Phase.Bound;

    private KernelTcpConnection(Socket socket)
    {
        this.socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    private enum Phase
    {
        Bound,
        Connected,
        Frozen,
    }

    /// <summary>The bound address and the port the kernel chose.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// A TCP socket of <paramref name="local"/>'s family, bound to the interface (SO_BINDTOIFINDEX)
    /// and to <paramref name="local"/> with a port the kernel picks.
    /// </summary>
    /// <exception cref="SocketException">The address is not on this host, or the interface does not exist.</exception>
    public static KernelTcpConnection Bind(IPAddress local, int interfaceIndex)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetRawSocketOption(SocketLevel, BindToInterfaceIndex, Int32Bytes(interfaceIndex));
            socket.Bind(new IPEndPoint(local, 0));
            return new KernelTcpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The kernel's three-way handshake with <paramref name="remote"/>, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TcpConnectException">Refused, unanswered or unreachable; the message says which and what to check.</exception>
    public void Connect(IPEndPoint remote, TimeSpan timeout)
    {
        Expect(Phase.Bound, nameof(Connect));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            socket.ConnectAsync(remote, deadline.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            throw TcpConnectException.TimedOut(remote, timeout, e);
        }
        catch (SocketException e)
        {
            throw TcpConnectException.From(remote, timeout, e.SocketErrorCode, e);
        }

        // The runtime reads SO_ERROR when the non-blocking connect completes; read it once more so
        // an error reported between completion and now is not mistaken for an established connection.
        var pending = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (pending != SocketError.Success)
        {
            throw TcpConnectException.From(remote, timeout, pending);
        }

        phase = Phase.Connected;
    }

    /// <summary>What the handshake negotiated, from TCP_INFO.</summary>
    public TcpNegotiation Negotiated()
    {
        Expect(Phase.Connected, nameof(Negotiated));
        var info = new byte[TcpInfoLayout.Size];
        var length = socket.GetRawSocketOption(TcpLevel, Info, info);
        return TcpInfoLayout.Negotiation(info.AsSpan(0, length));
    }

    /// <summary>
    /// Enters repair mode (TCP_REPAIR; needs CAP_NET_ADMIN): from now on the kernel sends nothing on
    /// this connection. Returns the next sequence numbers both ways and the TSval clock.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel refused repair mode (no CAP_NET_ADMIN).</exception>
    public TcpTakeover Freeze()
    {
        Expect(Phase.Connected, nameof(Freeze));
        try
        {
            socket.SetRawSocketOption(TcpLevel, Repair, Int32Bytes(RepairOn));
            phase = Phase.Frozen;
            return new TcpTakeover(
                SendNext: QueueSequence(SendQueue),
                ReceiveNext: QueueSequence(ReceiveQueue),
                TimestampNow: ReadUInt32(Timestamp));
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"freezing the connection {LocalEndPoint} -> {socket.RemoteEndPoint} with TCP_REPAIR failed: {e.Message} "
                + "(repair mode needs CAP_NET_ADMIN)", e);
        }
    }

    /// <summary>Closes the socket; once frozen, the kernel drops it without sending a FIN or RST.</summary>
    public void Dispose() => socket.Dispose();

    private uint QueueSequence(int queue)
    {
        socket.SetRawSocketOption(TcpLevel, RepairQueue, Int32Bytes(queue));
        return ReadUInt32(TcpSocketOptions.QueueSequence);
    }

    private uint ReadUInt32(int option)
    {
        Span<byte> value = stackalloc byte[sizeof(uint)];
        var length = socket.GetRawSocketOption(TcpLevel, option, value);
        return length == sizeof(uint)
            ? BinaryPrimitives.ReadUInt32LittleEndian(value)
            : throw new InvalidOperationException($"TCP option {option} returned {length} bytes instead of {sizeof(uint)}");
    }

    private void Expect(Phase expected, string operation)
    {
        if (phase != expected)
        {
            throw new InvalidOperationException($"{operation} needs a {expected.ToString().ToLowerInvariant()} connection; this one is {phase.ToString().ToLowerInvariant()}");
        }
    }

    private static byte[] Int32Bytes(int value)
    {
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
