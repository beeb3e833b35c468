using System.Threading.Channels;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>An <see cref="IListWatch{T}"/> a test drives by hand: it sets the list, pushes events, ends or breaks streams.</summary>
internal sealed class ScriptedListWatch : IListWatch<V1Pod>
{
    private readonly Lock gate = new();
    private readonly List<string> watchedFrom = [];
    private Channel<(WatchEventType, V1Pod)>? stream;
    private ListResult<V1Pod> list = new([], "1");
    private bool expireNextOpen;

    public string Resource => "pods";

    public IReadOnlyList<string> WatchedFrom
    {
        get { lock (gate) { return [.. watchedFrom]; } }
    }

    public int WatchesOpened => WatchedFrom.Count;

    public void SetList(string resourceVersion, params V1Pod[] items) => list = new ListResult<V1Pod>(items, resourceVersion);

    public void ExpireNextOpen() => expireNextOpen = true;

    public Task<ListResult<V1Pod>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(list);

    public Task<IAsyncEnumerable<(WatchEventType Type, V1Pod Object)>> OpenWatchAsync(
        string resourceVersion, int timeoutSeconds, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            watchedFrom.Add(resourceVersion);
            if (expireNextOpen)
            {
                expireNextOpen = false;
                throw new WatchExpiredException("410");
            }
            stream = Channel.CreateUnbounded<(WatchEventType, V1Pod)>();
            return Task.FromResult(stream.Reader.ReadAllAsync(cancellationToken));
        }
    }

    public void Send(WatchEventType type, V1Pod pod) => Current().Writer.TryWrite((type, pod));

    public void EndStream(Exception? error = null) => Current().Writer.TryComplete(error);

    public static V1Pod Pod(string name, string resourceVersion) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", ResourceVersion = resourceVersion },
    };

    public static V1Pod Bookmark(string resourceVersion) => new() { Metadata = new V1ObjectMeta { ResourceVersion = resourceVersion } };

    private Channel<(WatchEventType, V1Pod)> Current()
    {
        lock (gate)
        {
            return stream ?? throw new InvalidOperationException("no watch open");
        }
    }
}
