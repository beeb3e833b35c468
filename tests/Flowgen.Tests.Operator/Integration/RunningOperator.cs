using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Rbac;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>The operator's controller running in the background until disposed, reaching agents through a resolver.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly RequestRecorder recorder = new();
    private readonly Kubernetes client;
    private readonly Task run;

    /// <summary>Runs against <paramref name="server"/> with a client of its own, whose requests <see cref="Requests"/> lists.</summary>
    public RunningOperator(Uri server, Func<V1Pod, Uri?> resolve)
    {
        client = new Kubernetes(new KubernetesClientConfiguration { Host = server.ToString() }, recorder);
        var reconciler = new TrafficFlowReconciler(
            new CustomResourceClient<TrafficFlow>(client, TrafficFlowResource.Info), new FlowCluster(client),
            new AgentConnector(http, resolve), new EventRecorder(client, "flowgen-operator"));
        run = Task.Run(() => new TrafficFlowController(client, reconciler).RunAsync(stop.Token));
    }

    public IReadOnlyList<(HttpMethod Method, Uri Uri)> Requests => recorder.Requests;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await run;
        client.Dispose();
        http.Dispose();
        stop.Dispose();
    }
}
