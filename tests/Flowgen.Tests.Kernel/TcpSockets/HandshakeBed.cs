using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;
using Flowgen.Interop.Tcp;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>
/// A <see cref="KernelTcpConnection"/> in the bed's generator namespace, connected to a plain
/// listener in the sink namespace, with a packet capture in the sink namespace from before the SYN.
/// </summary>
public sealed class HandshakeBed : IDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);
    static readonly TimeSpan CaptureLimit = TimeSpan.FromSeconds(3);

    HandshakeBed(string sinkNamespace, Socket listener, SegmentCapture capture, KernelTcpConnection connection, Socket peer)
    {
        SinkNamespace = sinkNamespace;
        Listener = listener;
        Capture = capture;
        Connection = connection;
        Peer = peer;
    }

    public string SinkNamespace { get; }
    public Socket Listener { get; }
    public SegmentCapture Capture { get; }
    public KernelTcpConnection Connection { get; }

    /// <summary>The listener's accepted socket: the far end of <see cref="Connection"/>.</summary>
    public Socket Peer { get; }

    public IPEndPoint Remote => (IPEndPoint)Listener.LocalEndPoint!;

    public static async Task<HandshakeBed> ConnectAsync(VethTestBed bed, IpVersion version)
    {
        var listener = NamespaceListener.Listen(bed.SinkNamespace, bed.SinkAddress(version), 0, backlog: 1);
        var capture = SegmentCapture.Open(bed.SinkNamespace);
        var local = version == IpVersion.IPv4 ? bed.GeneratorIPv4 : bed.GeneratorIPv6;
        var connection = NetworkNamespace.Run(bed.GeneratorNamespace, () => KernelTcpConnection.Bind(local, bed.GeneratorIfindex));
        connection.Connect((IPEndPoint)listener.LocalEndPoint!, ConnectTimeout);
        using var acceptDeadline = new CancellationTokenSource(ConnectTimeout);
        var peer = await listener.AcceptAsync(acceptDeadline.Token);
        return new HandshakeBed(bed.SinkNamespace, listener, capture, connection, peer);
    }

    /// <summary>The SYN, SYN-ACK and final ACK of this connection, as the sink's wire saw them.</summary>
    public (CapturedSegment Syn, CapturedSegment SynAck, CapturedSegment Ack) Handshake()
    {
        var local = Connection.LocalEndPoint;
        var seen = Capture.Read(s => s.Any(IsFinalAck), CaptureLimit);
        return (seen.First(s => s.Syn && !s.Ack && s.Source.Equals(local)),
            seen.First(s => s.Syn && s.Ack && s.Destination.Equals(local)),
            seen.First(IsFinalAck));

        bool IsFinalAck(CapturedSegment s) => !s.Syn && s.Ack && s.Source.Equals(local);
    }

    public void Dispose()
    {
        Connection.Dispose();
        Peer.Dispose();
        Capture.Dispose();
        Listener.Dispose();
    }
}
