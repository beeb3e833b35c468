using System.Text;
using Flowgen.Operator.Kubernetes;
using Prometheus;

namespace Flowgen.Tests.Operator.Runtime;

public sealed class OperatorMetricsTests
{
    [Fact]
    public async Task Every_operator_series_is_exported_under_the_flowgen_prefix()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new OperatorMetrics(registry);

        metrics.Reconciled("success", TimeSpan.FromMilliseconds(3));
        metrics.Reconciled("error", TimeSpan.FromMilliseconds(7));
        metrics.WatchRestarted("pods");
        metrics.SetLeader(true);
        metrics.SetFlowsByPhase(new Dictionary<string, int> { ["Running"] = 2, ["Pending"] = 1 });
        metrics.SetFlowsByPhase(new Dictionary<string, int> { ["Running"] = 1 });
        var text = await Export(registry);

        Assert.Contains("flowgen_operator_reconciles_total{result=\"success\"} 1", text);
        Assert.Contains("flowgen_operator_reconciles_total{result=\"error\"} 1", text);
        Assert.Contains("flowgen_operator_reconcile_errors_total 1", text);
        Assert.Contains("flowgen_operator_reconcile_duration_seconds_count 2", text);
        Assert.Contains("flowgen_operator_watch_restarts_total{resource=\"pods\"} 1", text);
        Assert.Contains("flowgen_operator_leader 1", text);
        Assert.Contains("flowgen_operator_flows{phase=\"Running\"} 1", text);
        Assert.Contains("flowgen_operator_flows{phase=\"Pending\"} 0", text);
    }

    [Fact]
    public async Task A_leader_that_steps_down_stops_counting_flows()
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new OperatorMetrics(registry);
        metrics.SetLeader(true);
        metrics.SetFlowsByPhase(new Dictionary<string, int> { ["Failed"] = 1 });

        metrics.SetLeader(false);
        var text = await Export(registry);

        Assert.Contains("flowgen_operator_leader 0", text);
        Assert.DoesNotContain("flowgen_operator_flows{", text);
    }

    private static async Task<string> Export(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
