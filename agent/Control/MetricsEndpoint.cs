using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Flowgen.Control;

/// <summary>GET /metrics: a registry of Flowgen's own series in the Prometheus text format (the agent's, the sink's).</summary>
internal static class MetricsEndpoint
{
    /// <summary>The Prometheus text exposition format, version 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Collects (running the registry's before-collect callbacks) and writes every series in <see cref="ContentType"/>.</summary>
    public static Task ExportAsync(CollectorRegistry registry, Stream destination, CancellationToken ct) =>
        registry.CollectAndExportAsTextAsync(destination, ExpositionFormat.PrometheusText, ct);

    public static void Map(IEndpointRouteBuilder routes, Func<Stream, CancellationToken, Task> export) =>
        routes.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = ContentType;
            await export(context.Response.Body, context.RequestAborted);
        });
}
