using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// HTTP clients whose connections are made inside a named network namespace, so the test process
/// (in the root namespace) reaches a server on that namespace's own loopback. Each socket is created
/// on a thread that entered the namespace and stays bound to it; connecting and I/O may then happen
/// on any thread.
/// </summary>
public static class NamespaceHttp
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A client for <paramref name="baseAddress"/>, whose host must be an IP literal: a name would be
    /// resolved in the test's namespace, not in <paramref name="ns"/>.
    /// </summary>
    public static HttpClient Create(string ns, Uri baseAddress, TimeSpan? timeout = null)
    {
        if (baseAddress.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6))
            throw new ArgumentException($"{baseAddress} must name its host by IP address", nameof(baseAddress));
        var handler = new SocketsHttpHandler
        {
            // A proxy from the environment would connect from the root namespace.
            UseProxy = false,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(ns, context.DnsEndPoint, cancellationToken),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? DefaultTimeout };
    }

    /// <summary>http://127.0.0.1:PORT/ inside <paramref name="ns"/>.</summary>
    public static HttpClient ToLoopback(string ns, int port, TimeSpan? timeout = null) =>
        Create(ns, new Uri($"http://127.0.0.1:{port}/"), timeout);

    static async ValueTask<Stream> ConnectAsync(string ns, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(endPoint.Host.Trim('[', ']'));
        var socket = NetworkNamespace.Run(ns, () => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
