using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// A dashboard target run the way Grafana runs it: an instant query at the end of the time range, or
/// a range query over it. Data means at least one series with at least one number (not NaN), which
/// is what makes Grafana draw something instead of "No data".
/// </summary>
public sealed record DashboardQuery(PrometheusServer Prometheus, DateTimeOffset From, DateTimeOffset To, TimeSpan Step)
{
    /// <summary>The label sets of the series that hold data; empty when the query gives none.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesWithDataAsync(string expression, bool instant)
    {
        if (instant)
        {
            var samples = await Prometheus.QueryAsync(expression, To);
            return samples.Where(s => !double.IsNaN(s.Value)).Select(s => s.Labels).ToList();
        }
        var series = await Prometheus.QueryRangeAsync(expression, From, To, Step);
        return series.Where(s => s.Points.Any(p => !double.IsNaN(p.Value))).Select(s => s.Labels).ToList();
    }
}
