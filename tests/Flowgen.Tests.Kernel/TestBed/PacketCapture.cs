using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Opens a <see cref="PacketCapture{T}"/>.</summary>
public static class PacketCapture
{
    public static PacketCapture<T> Open<T>(string ns, Func<byte[], T?> parse) where T : class =>
        new(PacketCapture<T>.OpenSocket(ns), parse);
}

/// <summary>
/// Every frame in and out of one test namespace, from a packet socket (AF_PACKET, ETH_P_ALL)
/// opened inside it and decoded by <c>parse</c> (null: not of interest): the wire's view,
/// independent of the sender's and the receiver's own reports.
/// </summary>
public sealed class PacketCapture<T> : IDisposable where T : class
{
    /// <summary>ETH_P_ALL (0x0003) in network byte order, as socket(AF_PACKET, SOCK_RAW, protocol) wants it.</summary>
    const int AllProtocols = 0x0300;

    const int SolSocket = 1;
    const int SoRcvbufForce = 33;

    // A burst of thousands of frames arrives before the reader wakes; SO_RCVBUFFORCE (root) is
    // not capped by net.core.rmem_max.
    const int ReceiveBufferBytes = 64 << 20;

    const int MaxFrame = 65536;
    const int MaxFrames = 100_000;
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    readonly Socket _socket;
    readonly Func<byte[], T?> _parse;
    readonly List<T> _seen = [];

    internal PacketCapture(Socket socket, Func<byte[], T?> parse)
    {
        _socket = socket;
        _parse = parse;
    }

    internal static Socket OpenSocket(string ns) =>
        NetworkNamespace.Run(ns, () =>
        {
            var socket = new Socket(AddressFamily.Packet, SocketType.Raw, (ProtocolType)AllProtocols) { ReceiveTimeout = (int)Poll.TotalMilliseconds };
            socket.SetRawSocketOption(SolSocket, SoRcvbufForce, BitConverter.GetBytes(ReceiveBufferBytes));
            return socket;
        });

    /// <summary>
    /// Reads until <paramref name="done"/> holds for the frames seen so far or <paramref name="limit"/>
    /// has passed; returns every frame of interest seen since the capture opened.
    /// </summary>
    public IReadOnlyList<T> Read(Func<IReadOnlyList<T>, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var buffer = new byte[MaxFrame];
        while (!done(_seen) && DateTime.UtcNow < deadline && _seen.Count < MaxFrames)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                continue;
            }
            if (_parse(buffer[..length]) is { } frame)
                _seen.Add(frame);
        }
        return _seen;
    }

    /// <summary>Everything that arrives within <paramref name="span"/>, added to what was seen before.</summary>
    public IReadOnlyList<T> ReadFor(TimeSpan span) => Read(_ => false, span);

    public void Dispose() => _socket.Dispose();
}
