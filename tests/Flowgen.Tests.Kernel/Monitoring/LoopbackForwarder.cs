using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// Forwards TCP connections made to a port on a test namespace's loopback to a port on the test
/// process's own loopback: how a process in the namespace (the operator) reaches a server that runs
/// inside the test (the API emulator). The listening socket is made in the namespace, the outgoing
/// ones in the test's — or in another namespace's, to reach a server on that one's loopback (an agent
/// on a second test bed). Disposing closes the listener and every forwarded connection.
/// </summary>
public sealed class LoopbackForwarder : IAsyncDisposable
{
    readonly Socket _listener;
    readonly int _targetPort;
    readonly string? _targetNamespace;
    readonly CancellationTokenSource _stop = new();
    readonly List<Socket> _open = [];
    readonly Task _accepting;

    LoopbackForwarder(Socket listener, int targetPort, string? targetNamespace)
    {
        _listener = listener;
        _targetPort = targetPort;
        _targetNamespace = targetNamespace;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The port in the namespace.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <param name="targetNamespace">Where <paramref name="targetPort"/> listens; null: the test's own namespace.</param>
    public static LoopbackForwarder Start(string ns, int targetPort, string? targetNamespace = null) =>
        new(NetworkNamespace.Run(ns, () =>
        {
            var socket = NewSocket();
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen();
            return socket;
        }), targetPort, targetNamespace);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_open)
            _open.ForEach(socket => socket.Dispose());
        await _accepting;
        _stop.Dispose();
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket inside;
            try
            {
                inside = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ForwardAsync(inside);
        }
    }

    async Task ForwardAsync(Socket inside)
    {
        // A socket belongs to the namespace it was made in, whichever thread uses it later.
        var outside = _targetNamespace is null ? NewSocket() : NetworkNamespace.Run(_targetNamespace, NewSocket);
        Track(inside);
        Track(outside);
        try
        {
            await outside.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _targetPort), _stop.Token);
            await using var a = new NetworkStream(inside, ownsSocket: false);
            await using var b = new NetworkStream(outside, ownsSocket: false);
            // Either side closing ends both: half-open HTTP connections are no use to anyone here.
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The test is over, or one side went away.
        }
        finally
        {
            lock (_open)
                _open.RemoveAll(socket => socket == inside || socket == outside);
            inside.Dispose();
            outside.Dispose();
        }
    }

    static Socket NewSocket() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    void Track(Socket socket)
    {
        lock (_open)
            _open.Add(socket);
    }
}
