using System.Collections.Concurrent;

namespace Flowgen.Tests.Operator.Rbac;

/// <summary>Records every request one Kubernetes client sends, to learn which permissions its owner needs.</summary>
internal sealed class RequestRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri)> requests = new();

    public IReadOnlyList<(HttpMethod Method, Uri Uri)> Requests => [.. requests];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue((request.Method, request.RequestUri!));
        return base.SendAsync(request, cancellationToken);
    }
}
