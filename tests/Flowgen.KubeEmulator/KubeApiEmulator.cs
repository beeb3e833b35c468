using System.Net;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Controllers;
using Flowgen.KubeEmulator.Http;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flowgen.KubeEmulator;

/// <summary>
/// An in-process Kubernetes API server on a loopback port: real HTTP, real API semantics (resourceVersion,
/// conflicts, watches with bookmarks and 410, status subresource, finalizers, owner-reference GC, CRD schemas),
/// for clients such as KubernetesClient and kubectl.
/// <para>
/// The real kubectl (v1.32; see <see cref="Clients.Kubectl"/>) works for: version, legacy discovery (kubectl asks for
/// aggregated discovery and falls back; documents follow CRDs as they come and go), get with server-side Tables
/// (printer columns of CRDs, Name/Status/Age of built-ins, <c>-w</c> as Table watch events), <c>-o yaml</c> and
/// jsonpath, client-side apply and its patches, delete <c>--wait</c>, wait <c>--for=jsonpath</c>, label, and
/// <c>create namespace</c> (protobuf bodies are read only for metadata-only objects).
/// No OpenAPI documents are served, so kubectl's client-side validation must be off (<c>--validate=false</c>);
/// the server itself still validates custom resources against their CRD schema.
/// </para>
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ObjectStore store;
    private readonly RequestLog log;
    private readonly FaultInjector faults;

    private KubeApiEmulator(WebApplication app, ObjectStore store, RequestLog log, FaultInjector faults, Uri baseAddress)
    {
        this.app = app;
        this.store = store;
        this.log = log;
        this.faults = faults;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => log.Snapshot();

    /// <summary>The latest resourceVersion the store has handed out.</summary>
    public string ResourceVersion => store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<KubeApiEmulator> StartAsync(KubeApiEmulatorOptions? options = null)
    {
        options ??= new KubeApiEmulatorOptions();
        var store = new ObjectStore(options.WatchHistorySize);
        var registry = new ResourceRegistry();
        var log = new RequestLog();
        var faults = new FaultInjector();
        var admission = new ObjectAdmission(store);
        var lifecycle = new Lifecycle(store, registry);
        Bootstrap(store, registry, admission, options);
        var server = new ApiServer(log, faults, new DiscoveryHandler(registry),
            new ResourceHandler(store, registry, admission, lifecycle, new WatchStreamer(store, options)));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KubeApiEmulator(app, store, log, faults, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public Kubernetes CreateClient() => new(new KubernetesClientConfiguration { Host = BaseAddress.ToString() });

    /// <summary>Aborts every open watch stream mid-stream, as a broken connection would.</summary>
    public void DropWatches() => store.DropWatches();

    /// <summary>Forgets watch history, like an etcd compaction: the next resume from an older resourceVersion gets 410.</summary>
    public void ExpireHistory() => store.ExpireHistory();

    /// <summary>Fails the next request whose method matches and whose path contains <paramref name="pathContains"/>.</summary>
    public void FailNextRequest(string method, string pathContains, int statusCode) => faults.Add(method, pathContains, statusCode);

    public async ValueTask DisposeAsync()
    {
        store.DropWatches();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static void Bootstrap(ObjectStore store, ResourceRegistry registry, ObjectAdmission admission, KubeApiEmulatorOptions options)
    {
        var namespaces = registry.FindAnyVersion(BuiltinResources.Namespaces)!;
        foreach (var name in options.Namespaces)
        {
            var body = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } };
            store.Create(namespaces.GroupResource, admission.PrepareCreate(namespaces, null, body), () => new InvalidOperationException(name));
        }
    }
}
