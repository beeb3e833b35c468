using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>
/// Every TCP segment in and out of one test namespace, from a packet socket (AF_PACKET, ETH_P_ALL)
/// opened inside it: the wire's view, independent of both sockets' own reports.
/// </summary>
public sealed class SegmentCapture : IDisposable
{
    /// <summary>ETH_P_ALL (0x0003) in network byte order, as socket(AF_PACKET, SOCK_RAW, protocol) wants it.</summary>
    const int AllProtocols = 0x0300;

    const int MaxFrame = 65536;
    const int MaxSegments = 100_000;
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    readonly Socket _socket;
    readonly List<CapturedSegment> _segments = [];

    SegmentCapture(Socket socket) => _socket = socket;

    public static SegmentCapture Open(string ns) =>
        new(NetworkNamespace.Run(ns, () =>
            new Socket(AddressFamily.Packet, SocketType.Raw, (ProtocolType)AllProtocols) { ReceiveTimeout = (int)Poll.TotalMilliseconds }));

    /// <summary>
    /// Reads until <paramref name="done"/> holds for the segments seen so far or <paramref name="limit"/>
    /// has passed; returns every segment seen since the capture opened.
    /// </summary>
    public IReadOnlyList<CapturedSegment> Read(Func<IReadOnlyList<CapturedSegment>, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var buffer = new byte[MaxFrame];
        while (!done(_segments) && DateTime.UtcNow < deadline && _segments.Count < MaxSegments)
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
            if (CapturedSegment.Parse(buffer[..length]) is { } segment)
                _segments.Add(segment);
        }
        return _segments;
    }

    /// <summary>Everything that arrives within <paramref name="span"/>, added to what was seen before.</summary>
    public IReadOnlyList<CapturedSegment> ReadFor(TimeSpan span) => Read(_ => false, span);

    public void Dispose() => _socket.Dispose();
}
