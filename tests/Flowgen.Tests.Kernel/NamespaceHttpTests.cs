using System.Net;
using System.Net.Sockets;
using System.Text;
using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel;

public sealed class NamespaceHttpTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task Namespace_client_reaches_a_server_on_that_namespace_loopback_and_not_another()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        using var listener = NetworkNamespace.Run(bed.GeneratorNamespace, () =>
        {
            var started = new TcpListener(IPAddress.Loopback, 0);
            started.Start();
            return started;
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var deadline = new CancellationTokenSource(Patience);
        var serving = AnswerOnceAsync(listener, body: bed.GeneratorNamespace, deadline.Token);

        using (var client = NamespaceHttp.ToLoopback(bed.GeneratorNamespace, port))
            Assert.Equal(bed.GeneratorNamespace, await client.GetStringAsync("/"));
        await serving;

        using var elsewhere = NamespaceHttp.ToLoopback(bed.SinkNamespace, port);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => elsewhere.GetStringAsync("/"));
        Assert.Equal(SocketError.ConnectionRefused, (refused.InnerException as SocketException)?.SocketErrorCode);
    }

    static async Task AnswerOnceAsync(TcpListener listener, string body, CancellationToken cancellationToken)
    {
        using var connection = await listener.AcceptTcpClientAsync(cancellationToken);
        var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(cancellationToken)))
        {
            // The request's headers; the answer does not depend on them.
        }
        var content = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}
