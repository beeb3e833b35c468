using System.Collections.Concurrent;
using System.Threading.Channels;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

/// <summary>A pod watch through KubernetesClient, pumped in the background so tests can await events one by one.</summary>
internal sealed class PodWatch : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<(WatchEventType Type, V1Pod Pod)> events = Channel.CreateUnbounded<(WatchEventType, V1Pod)>();
    private readonly CancellationTokenSource stop = new();

    private PodWatch() { }

    public ConcurrentQueue<Exception> Errors { get; } = new();

    /// <summary>Completes when the server ends the stream (or the connection breaks).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static PodWatch Start(Kubernetes client, string? resourceVersion = null, bool bookmarks = false,
        string? labelSelector = null, string? fieldSelector = null, int? timeoutSeconds = null)
    {
        var watch = new PodWatch();
        watch.Completion = Task.Run(async () =>
        {
            try
            {
                var stream = client.CoreV1.WatchListNamespacedPodAsync("default", resourceVersion: resourceVersion,
                    allowWatchBookmarks: bookmarks, labelSelector: labelSelector, fieldSelector: fieldSelector,
                    timeoutSeconds: timeoutSeconds, onError: watch.Errors.Enqueue, cancellationToken: watch.stop.Token);
                await foreach (var e in stream)
                {
                    watch.events.Writer.TryWrite(e);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                watch.Errors.Enqueue(e);
            }
            finally
            {
                watch.events.Writer.TryComplete();
            }
        });
        return watch;
    }

    public async Task<(WatchEventType Type, V1Pod Pod)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next event that is not a bookmark.</summary>
    public async Task<(WatchEventType Type, string Name)> NextChangeAsync()
    {
        while (true)
        {
            var e = await NextAsync();
            if (e.Type != WatchEventType.Bookmark) return (e.Type, e.Pod.Metadata.Name);
        }
    }

    /// <summary>True when nothing (but bookmarks) arrives for a short while.</summary>
    public async Task<bool> QuietAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync(wait.Token);
                if (e.Type != WatchEventType.Bookmark) return false;
            }
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (ChannelClosedException)
        {
            return true;
        }
    }

    public async Task EndedAsync() => await Completion.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Completion.WaitAsync(Patience);
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}
