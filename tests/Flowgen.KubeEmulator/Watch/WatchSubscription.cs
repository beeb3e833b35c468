using System.Threading.Channels;
using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Watch;

/// <summary>An open watch: the events of one resource (optionally one namespace), in revision order.</summary>
internal sealed class WatchSubscription(GroupResource resource, string? ns, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> channel = Channel.CreateUnbounded<WatchEvent>();
    private readonly CancellationTokenSource dropped = new();

    public GroupResource Resource { get; } = resource;

    public string? Namespace { get; } = ns;

    public ChannelReader<WatchEvent> Events => channel.Reader;

    /// <summary>Cancelled when the test asks for every watch to be dropped mid-stream.</summary>
    public CancellationToken Dropped => dropped.Token;

    public bool Wants(WatchEvent e) =>
        e.Resource == Resource && (Namespace is null || e.Namespace == Namespace);

    public void Enqueue(WatchEvent e) => channel.Writer.TryWrite(e);

    public void Drop() => dropped.Cancel();

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
        dropped.Dispose();
    }
}
