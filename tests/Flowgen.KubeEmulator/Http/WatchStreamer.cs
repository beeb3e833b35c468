using System.Globalization;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Selectors;
using Flowgen.KubeEmulator.Storage;
using Flowgen.KubeEmulator.Tables;
using Flowgen.KubeEmulator.Watch;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited JSON events over a chunked response, with resume from a
/// resourceVersion (410 as an ERROR event when it is too old), bookmarks, <c>timeoutSeconds</c>, and selectors —
/// an object that starts or stops matching arrives as ADDED or DELETED, as from the real server. Asked for Tables
/// (<c>kubectl get -w</c>), each event carries a one-row Table; only the first has the column definitions.
/// </summary>
internal sealed class WatchStreamer(ObjectStore store, KubeApiEmulatorOptions options)
{
    public async Task StreamAsync(HttpContext context, ResourceType type, string? ns)
    {
        var query = context.Request.Query;
        var filter = ObjectFilter.FromQuery(query, type);
        var table = TableRequest.From(context.Request);
        var headersSent = false;
        var from = ParseRevision(query["resourceVersion"].FirstOrDefault());
        var bookmarks = query["allowWatchBookmarks"].FirstOrDefault() is "true" or "1";
        var timeout = int.TryParse(query["timeoutSeconds"].FirstOrDefault(), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : options.DefaultWatchTimeout;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(type.GroupResource, ns, from, out _);
        }
        catch (KubeApiException e) when (e.Code == 410)
        {
            await WriteLineAsync(context, Event(WatchEventTypes.Error, StatusObjects.Failure(e)), CancellationToken.None);
            return;
        }

        using (subscription)
        {
            await context.Response.StartAsync(context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Dropped);
            stop.CancelAfter(timeout);
            var bookmarking = bookmarks ? BookmarkAsync(subscription, stop.Token) : Task.CompletedTask;
            try
            {
                await foreach (var e in subscription.Events.ReadAllAsync(stop.Token))
                {
                    if (Render(e, type, filter, bookmarks) is not { } line) continue;
                    if (table is not null && line["object"] is JsonObject obj && e.Type != WatchEventTypes.Bookmark)
                    {
                        line["object"] = TableRenderer.Render(type, [obj], ObjectMeta.ResourceVersion(obj) ?? "", table, !headersSent);
                        headersSent = true;
                    }
                    await WriteLineAsync(context, line, stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // A dropped watch dies like a broken connection; a timed-out one ends its stream cleanly.
                if (subscription.Dropped.IsCancellationRequested) context.Abort();
            }
            await bookmarking;
        }
    }

    private async Task BookmarkAsync(WatchSubscription subscription, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.BookmarkInterval, stop);
                store.Bookmark(subscription);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static JsonObject? Render(WatchEvent e, ResourceType type, ObjectFilter filter, bool bookmarks)
    {
        if (e.Type == WatchEventTypes.Bookmark)
        {
            return bookmarks
                ? Event(e.Type, new JsonObject
                {
                    ["kind"] = type.Kind,
                    ["apiVersion"] = type.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = e.Revision.ToString(CultureInfo.InvariantCulture) },
                })
                : null;
        }
        var obj = JsonDoc.Thaw(e.Object);
        obj["apiVersion"] = type.ApiVersion;
        var matchesNow = filter.Matches(obj);
        var matchedBefore = e.Previous is { } previous && filter.Matches(JsonDoc.Thaw(previous));
        var eventType = e.Type switch
        {
            WatchEventTypes.Added when matchesNow => WatchEventTypes.Added,
            WatchEventTypes.Modified when matchesNow && matchedBefore => WatchEventTypes.Modified,
            WatchEventTypes.Modified when matchesNow => WatchEventTypes.Added,
            WatchEventTypes.Modified when matchedBefore => WatchEventTypes.Deleted,
            WatchEventTypes.Deleted when matchedBefore => WatchEventTypes.Deleted,
            _ => null,
        };
        return eventType is null ? null : Event(eventType, obj);
    }

    private static JsonObject Event(string type, JsonObject obj) => new() { ["type"] = type, ["object"] = obj };

    private static async Task WriteLineAsync(HttpContext context, JsonObject line, CancellationToken cancel)
    {
        await context.Response.WriteAsync(line.ToJsonString() + "\n", cancel);
        await context.Response.Body.FlushAsync(cancel);
    }

    private static long? ParseRevision(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv
        : throw Errors.BadRequest($"invalid resourceVersion \"{text}\"");
}
