using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Flowgen.Operator.Hosting;

/// <summary>
/// One operator instance: /healthz and /metrics always; informers, queue and reconciler only while it
/// holds the leader Lease. Runs until cancelled, then steps down (releasing the Lease) and stops serving.
/// <paramref name="resolveAgent"/> is the agent-address seam; by default pod IP and control port.
/// </summary>
internal sealed class OperatorHost(RunOptions options, ILoggerFactory logs, Func<V1Pod, Uri?>? resolveAgent = null)
{
    private readonly CollectorRegistry registry = Metrics.NewCustomRegistry();

    /// <summary>Where /healthz and /metrics answer, once started.</summary>
    public Uri? Address { get; private set; }

    public LeaderElector? Elector { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var client = new k8s.Kubernetes(ClientConfiguration(options));
        using var agentHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var metrics = new OperatorMetrics(registry);
        var health = new OperatorHealth();
        var controller = Controller(client, agentHttp, metrics);
        Elector = new LeaderElector(client, options.Election,
            logger: logs.CreateLogger<LeaderElector>(), metrics: metrics)
        {
            OnStartedLeading = controller.RunAsync,
        };
        health.Register(Elector);
        health.Register(controller);

        await using var web = Endpoints(health);
        await web.StartAsync(ct);
        Address = new Uri(web.Urls.First());
        try
        {
            await Elector.RunAsync(ct);
        }
        finally
        {
            await web.StopAsync(CancellationToken.None);
        }
    }

    private TrafficFlowController Controller(IKubernetes client, HttpClient agentHttp, OperatorMetrics metrics)
    {
        var reconciler = new TrafficFlowReconciler(
            new CustomResourceClient<TrafficFlow>(client, TrafficFlowResource.Info), new FlowCluster(client),
            new AgentConnector(agentHttp, resolveAgent), new EventRecorder(client, "flowgen-operator", logger: logs.CreateLogger<EventRecorder>()))
        {
            AgentImage = options.AgentImage,
        };
        return new TrafficFlowController(client, reconciler, metrics, logs.CreateLogger<TrafficFlowController>());
    }

    private WebApplication Endpoints(OperatorHealth health)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        string host = options.Bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Bind}]" : options.Bind.ToString();
        builder.WebHost.UseUrls($"http://{host}:{options.Port}");
        var app = builder.Build();
        health.Map(app);
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        return app;
    }

    private static KubernetesClientConfiguration ClientConfiguration(RunOptions options) =>
        options.Server is { } server ? new KubernetesClientConfiguration { Host = server.ToString() }
        : options.Kubeconfig is { } file ? KubernetesClientConfiguration.BuildConfigFromConfigFile(file)
        : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig()
        : KubernetesClientConfiguration.BuildConfigFromConfigFile();
}
