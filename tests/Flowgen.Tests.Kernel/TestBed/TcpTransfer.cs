using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>What a <see cref="TcpTransfer"/> sent and what arrived, as SHA-256 digests.</summary>
public sealed record TcpTransferResult(long SentBytes, string SentSha256, long ReceivedBytes, string ReceivedSha256);

/// <summary>
/// One TCP connection between plain Linux sockets: a listener in <c>serverNs</c>, a client in
/// <c>clientNs</c> that sends random bytes and closes; the server reads to the end. Each socket is
/// created on a thread inside its namespace (and stays bound to it); the I/O runs here.
/// </summary>
public static class TcpTransfer
{
    const int ChunkSize = 64 * 1024;

    public static async Task<TcpTransferResult> RunAsync(
        string clientNs, string serverNs, IPAddress serverAddress, int bytes, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var listener = NetworkNamespace.Run(serverNs, () => new Socket(serverAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        listener.Bind(new IPEndPoint(serverAddress, 0));
        listener.Listen(1);
        var server = ReceiveAllAsync(listener, deadline.Token);

        var payload = RandomNumberGenerator.GetBytes(bytes);
        using (var client = NetworkNamespace.Run(clientNs, () => new Socket(serverAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp)))
        {
            await client.ConnectAsync(listener.LocalEndPoint!, deadline.Token);
            for (var offset = 0; offset < payload.Length; offset += ChunkSize)
                await client.SendAsync(payload.AsMemory(offset, Math.Min(ChunkSize, payload.Length - offset)), deadline.Token);
            client.Shutdown(SocketShutdown.Send);
            var (receivedBytes, receivedSha256) = await server;
            return new TcpTransferResult(payload.Length, Convert.ToHexString(SHA256.HashData(payload)), receivedBytes, receivedSha256);
        }
    }

    static async Task<(long Bytes, string Sha256)> ReceiveAllAsync(Socket listener, CancellationToken cancellationToken)
    {
        using var connection = await listener.AcceptAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long total = 0;
        // Bounded by the deadline: a stalled connection ends in OperationCanceledException.
        while (await connection.ReceiveAsync(buffer, cancellationToken) is var read and > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }
        return (total, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
