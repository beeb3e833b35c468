using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Flowgen.Operator.Kubernetes;

public sealed record HealthReport(bool Healthy, IReadOnlyList<string> Problems);

/// <summary>
/// Liveness of the operator: unhealthy when any informer has gone stale or the leader elector has lost
/// the API server. KubeOps' watcher could stop silently; here the kubelet restarts us instead.
/// </summary>
public sealed class OperatorHealth(TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly List<IHealthSource> sources = [];

    public void Register(IHealthSource source)
    {
        lock (gate)
        {
            sources.Add(source);
        }
    }

    public HealthReport Check()
    {
        IHealthSource[] snapshot;
        lock (gate)
        {
            snapshot = [.. sources];
        }
        var now = clock.GetUtcNow();
        var problems = snapshot.Select(s => s.Problem(now)).OfType<string>().ToList();
        return new HealthReport(problems.Count == 0, problems);
    }

    /// <summary>GET <paramref name="path"/>: 200 "ok", or 503 with one problem per line.</summary>
    public IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string path = "/healthz") =>
        endpoints.MapGet(path, () =>
        {
            var report = Check();
            return report.Healthy
                ? Results.Text("ok\n")
                : Results.Text(string.Join('\n', report.Problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}
