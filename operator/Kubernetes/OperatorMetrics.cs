using Prometheus;

namespace Flowgen.Operator.Kubernetes;

/// <summary>The operator's own Prometheus series (the agents export theirs).</summary>
public sealed class OperatorMetrics
{
    private readonly Counter reconciles;
    private readonly Counter reconcileErrors;
    private readonly Histogram reconcileDuration;
    private readonly Gauge flows;
    private readonly Counter watchRestarts;
    private readonly Gauge leader;
    private readonly Lock phasesGate = new();
    private readonly HashSet<string> phasesSeen = [];

    public OperatorMetrics(CollectorRegistry? registry = null)
    {
        var factory = Metrics.WithCustomRegistry(registry ?? Metrics.DefaultRegistry);
        reconciles = factory.CreateCounter("flowgen_operator_reconciles_total",
            "Reconciles finished, by result (success, requeue, error).", "result");
        reconcileErrors = factory.CreateCounter("flowgen_operator_reconcile_errors_total",
            "Reconciles that threw and were queued for a retry.");
        reconcileDuration = factory.CreateHistogram("flowgen_operator_reconcile_duration_seconds",
            "Time spent in one reconcile.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        flows = factory.CreateGauge("flowgen_operator_flows", "TrafficFlows by status phase.", "phase");
        watchRestarts = factory.CreateCounter("flowgen_operator_watch_restarts_total",
            "Watches reopened (timeout, dropped connection, 410 re-list, error), by resource.", "resource");
        leader = factory.CreateGauge("flowgen_operator_leader", "1 while this instance holds the leader lease.");
    }

    public void Reconciled(string result, TimeSpan duration)
    {
        reconciles.WithLabels(result).Inc();
        if (result == "error")
        {
            reconcileErrors.Inc();
        }
        reconcileDuration.Observe(duration.TotalSeconds);
    }

    public void WatchRestarted(string resource) => watchRestarts.WithLabels(resource).Inc();

    /// <summary>
    /// Only the leader counts flows: on stepping down, the flow series go, so a former leader's last
    /// counts don't add to the new leader's (or keep an alert firing).
    /// </summary>
    public void SetLeader(bool isLeader)
    {
        leader.Set(isLeader ? 1 : 0);
        if (isLeader)
            return;
        lock (phasesGate)
        {
            foreach (var phase in phasesSeen)
                flows.RemoveLabelled(phase);
            phasesSeen.Clear();
        }
    }

    /// <summary>Sets the count of every phase; phases reported before and missing now drop to 0.</summary>
    public void SetFlowsByPhase(IReadOnlyDictionary<string, int> countByPhase)
    {
        lock (phasesGate)
        {
            phasesSeen.UnionWith(countByPhase.Keys);
            foreach (var phase in phasesSeen)
            {
                flows.WithLabels(phase).Set(countByPhase.GetValueOrDefault(phase));
            }
        }
    }
}
