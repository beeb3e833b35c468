using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>What the receiving sockets got, and what was wrong with it.</summary>
/// <param name="Faults">The first few datagrams with an unexpected length or payload.</param>
public sealed record ReceivedDatagrams(int Total, IReadOnlyDictionary<int, int> PerPort, int Faulty, IReadOnlyList<string> Faults);

/// <summary>
/// Real UDP sockets, one per port, bound to the any-address inside a network namespace: what the
/// receiving kernel delivers after checking each datagram's checksum.
/// </summary>
public sealed class UdpReceivers : IDisposable
{
    const int SolSocket = 1;
    const int SoRcvbufForce = 33;
    const int MaxFaultsShown = 5;

    // A burst of thousands of datagrams arrives before the reader wakes, each charged as a whole
    // page. SO_RCVBUF is capped by net.core.rmem_max; SO_RCVBUFFORCE (root) is not.
    const int ReceiveBufferBytes = 64 << 20;

    readonly IReadOnlyList<(int Port, Socket Socket)> _sockets;

    UdpReceivers(IReadOnlyList<(int Port, Socket Socket)> sockets) => _sockets = sockets;

    public static UdpReceivers Bind(string ns, IpVersion version, IEnumerable<int> ports)
    {
        var sockets = new List<(int, Socket)>();
        try
        {
            foreach (var port in ports)
                sockets.Add((port, NetworkNamespace.Run(ns, () => Open(version, port))));
            return new UdpReceivers(sockets);
        }
        catch
        {
            foreach (var (_, socket) in sockets)
                socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads until <paramref name="count"/> datagrams arrived or <paramref name="timeout"/> passed,
    /// checking that each holds <paramref name="payloadLength"/> bytes of the default pattern (byte i == i &amp; 0xff).
    /// </summary>
    public async Task<ReceivedDatagrams> ReceiveAsync(int count, int payloadLength, TimeSpan timeout)
    {
        using var done = new CancellationTokenSource(timeout);
        var perPort = _sockets.ToDictionary(s => s.Port, _ => 0);
        var faults = new List<string>();
        var total = 0;
        var faulty = 0;
        var gate = new Lock();

        async Task ReadAsync(int port, Socket socket)
        {
            var buffer = new byte[65536];
            while (!done.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await socket.ReceiveAsync(buffer, SocketFlags.None, done.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                var fault = Check(buffer.AsSpan(0, length), payloadLength);
                bool all;
                lock (gate)
                {
                    perPort[port]++;
                    if (fault is not null && ++faulty <= MaxFaultsShown)
                        faults.Add($"port {port}: {fault}");
                    all = ++total >= count;
                }
                if (all)
                    await done.CancelAsync();
            }
        }

        await Task.WhenAll(_sockets.Select(s => ReadAsync(s.Port, s.Socket)));
        lock (gate)
            return new ReceivedDatagrams(total, new Dictionary<int, int>(perPort), faulty, faults.ToList());
    }

    public void Dispose()
    {
        foreach (var (_, socket) in _sockets)
            socket.Dispose();
    }

    static Socket Open(IpVersion version, int port)
    {
        var socket = new Socket(version.Family(), SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetRawSocketOption(SolSocket, SoRcvbufForce, BitConverter.GetBytes(ReceiveBufferBytes));
            if (socket.ReceiveBufferSize < ReceiveBufferBytes)
                throw new InvalidOperationException($"the receive buffer is {socket.ReceiveBufferSize} bytes, not {ReceiveBufferBytes}");
            socket.Bind(new IPEndPoint(version.AnyAddress(), port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static string? Check(ReadOnlySpan<byte> payload, int expectedLength)
    {
        if (payload.Length != expectedLength)
            return $"{payload.Length} bytes, expected {expectedLength}";
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] != (byte)i)
                return $"payload byte {i} is 0x{payload[i]:x2}, expected 0x{(byte)i:x2}";
        }
        return null;
    }
}
