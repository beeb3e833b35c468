using Flowgen.Operator.Agents;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// What the leader runs: informers on TrafficFlows and on agent pods feed one work queue (a pod's
/// event enqueues the flow that owns it), and workers reconcile the queued flows.
/// </summary>
internal sealed class TrafficFlowController(
    IKubernetes client, TrafficFlowReconciler reconciler, OperatorMetrics? metrics = null,
    ILogger? logger = null, InformerOptions? informerOptions = null, int workers = 2) : IHealthSource
{
    private const string AgentPodSelector = $"{AgentPodLabels.Name}={AgentPodLabels.NameValue}";
    private volatile IHealthSource[] informers = [];

    public string Name => "trafficflow-controller";

    /// <summary>Healthy while not leading; while leading, as healthy as its informers.</summary>
    public string? Problem(DateTimeOffset now) => informers.Select(i => i.Problem(now)).OfType<string>().FirstOrDefault();

    public async Task RunAsync(CancellationToken ct)
    {
        await using var flows = new Informer<TrafficFlow>(
            ListWatches.CustomObjects<TrafficFlow, TrafficFlowList>(client, TrafficFlowResource.Info), informerOptions, logger: logger, metrics: metrics);
        await using var pods = new Informer<V1Pod>(
            ListWatches.Pods(client, labelSelector: AgentPodSelector), informerOptions, logger: logger, metrics: metrics);
        using var queue = new WorkQueue<ObjectKey>();
        flows.Subscribe(e =>
        {
            if (FlowChanges.NeedReconcile(e))
                queue.Add(ObjectKey.Of(e.Object));
            metrics?.SetFlowsByPhase(CountByPhase(flows.List()));
        });
        pods.Subscribe(e =>
        {
            if (OwnerReferences.ControllerKey(e.Object, TrafficFlow.ApiVersionValue, TrafficFlow.KindValue) is { } flow)
                queue.Add(flow);
        });
        informers = [flows, pods];
        try
        {
            flows.Start();
            pods.Start();
            await Task.WhenAll(flows.WaitForSyncAsync(ct), pods.WaitForSyncAsync(ct));
            await new ReconcileLoop<ObjectKey>(queue, reconciler.ReconcileAsync, workers, metrics, logger).RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            informers = [];
        }
    }

    private static Dictionary<string, int> CountByPhase(IEnumerable<TrafficFlow> all) =>
        all.GroupBy(f => f.Status?.Phase?.ToString() ?? "None").ToDictionary(g => g.Key, g => g.Count());
}
