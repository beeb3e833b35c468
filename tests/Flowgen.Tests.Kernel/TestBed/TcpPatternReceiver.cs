using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// A plain Linux TCP receiver in a test namespace for the sender's end-to-end tests: it accepts a set
/// number of connections, reads each to its end (a normal close, a reset, or a byte count after which
/// it closes itself) while checking every byte, then closes its side. Dispose stops it.
/// </summary>
public sealed class TcpPatternReceiver : IAsyncDisposable
{
    const int ReadSize = 256 * 1024;

    readonly Socket _listener;
    readonly CancellationTokenSource _stop;
    readonly Task<IReadOnlyList<TcpPatternReceipt>> _receipts;

    TcpPatternReceiver(Socket listener, CancellationTokenSource stop, Task<IReadOnlyList<TcpPatternReceipt>> receipts)
    {
        _listener = listener;
        _stop = stop;
        _receipts = receipts;
    }

    /// <summary>Where the sender connects.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Listens at once; the deadline bounds everything it does.</summary>
    /// <param name="ns">The receiving test namespace.</param>
    /// <param name="address">The namespace's address to listen on; <paramref name="port"/> 0 lets the kernel pick.</param>
    /// <param name="connections">How many connections to accept (one per flow).</param>
    /// <param name="verifier">A fresh checker per connection, e.g. <c>() => new TcpPatternVerifier()</c>.</param>
    /// <param name="deadline">After it, reading stops and unfinished streams end as <see cref="TcpStreamEnd.TimedOut"/>.</param>
    /// <param name="closeAfterBytes">
    /// Close each connection after reading this many bytes (null: read to the end). Unread data is
    /// then still queued, so the kernel resets the connection (RST), as any application closing early.
    /// </param>
    public static TcpPatternReceiver Start(
        string ns, IPAddress address, int port, int connections, Func<IStreamVerifier> verifier, TimeSpan deadline,
        long? closeAfterBytes = null)
    {
        var listener = NamespaceListener.Listen(ns, address, port, connections);
        var stop = new CancellationTokenSource(deadline);
        var receipts = AcceptAllAsync(listener, connections, verifier, closeAfterBytes, stop.Token);
        return new TcpPatternReceiver(listener, stop, receipts);
    }

    /// <summary>One receipt per connection in the order accepted, once every stream has ended.</summary>
    /// <exception cref="OperationCanceledException">Fewer connections came than expected before the deadline.</exception>
    public Task<IReadOnlyList<TcpPatternReceipt>> ReceiptsAsync() => _receipts;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receipts;
        }
        catch (OperationCanceledException)
        {
        }
        _listener.Dispose();
        _stop.Dispose();
    }

    static async Task<IReadOnlyList<TcpPatternReceipt>> AcceptAllAsync(
        Socket listener, int connections, Func<IStreamVerifier> verifier, long? closeAfterBytes, CancellationToken stop)
    {
        var streams = new List<Task<TcpPatternReceipt>>();
        for (var i = 0; i < connections; i++)
        {
            var connection = await listener.AcceptAsync(stop);
            streams.Add(Task.Run(() => ReadAsync(connection, verifier(), closeAfterBytes, stop), CancellationToken.None));
        }
        return await Task.WhenAll(streams);
    }

    /// <summary>Reads one connection to its end; bounded by <paramref name="stop"/>.</summary>
    static async Task<TcpPatternReceipt> ReadAsync(Socket connection, IStreamVerifier verifier, long? closeAfterBytes, CancellationToken stop)
    {
        using var socket = connection;
        var peer = (IPEndPoint)socket.RemoteEndPoint!;
        var clock = Stopwatch.StartNew();
        var buffer = new byte[ReadSize];
        TimeSpan? first = null;
        var last = TimeSpan.Zero;
        var (end, error) = (TcpStreamEnd.TimedOut, (string?)null);
        try
        {
            // Bounded by stop: the receiver's deadline cancels a read that waits too long.
            while (true)
            {
                var want = closeAfterBytes is { } limit ? (int)Math.Min(buffer.Length, limit - verifier.BytesSeen) : buffer.Length;
                if (want == 0)
                {
                    end = TcpStreamEnd.ClosedByReceiver;
                    break;
                }
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, want), stop);
                if (read == 0)
                {
                    end = TcpStreamEnd.Closed;
                    break;
                }
                first ??= clock.Elapsed;
                last = clock.Elapsed;
                verifier.Append(buffer.AsSpan(0, read));
            }
        }
        catch (SocketException e)
        {
            (end, error) = (TcpStreamEnd.Reset, e.SocketErrorCode.ToString());
        }
        catch (OperationCanceledException)
        {
        }
        verifier.Finish();
        if (end == TcpStreamEnd.Closed)
            socket.Shutdown(SocketShutdown.Send);
        return new TcpPatternReceipt(peer, verifier.BytesSeen, verifier.FirstMismatchOffset,
            (verifier as TcpPatternVerifier)?.RecordSize, end, error, clock.Elapsed, last - (first ?? last));
    }
}
