using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Watch;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>
/// All objects, like etcd: one global revision that every write advances, and each write's watch event published
/// under the same lock, so watchers see events in revision order.
/// </summary>
internal sealed class ObjectStore(int historySize)
{
    private readonly Lock gate = new();
    private readonly Dictionary<GroupResource, SortedDictionary<(string Ns, string Name), JsonElement>> objects = [];
    private readonly Dictionary<string, (GroupResource Resource, string Ns, string Name)> byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<GroupResource, WatchHistory> histories = [];
    private readonly List<WatchSubscription> subscriptions = [];
    private long revision;
    private long forgottenThrough;

    public long Revision
    {
        get { lock (gate) return revision; }
    }

    public JsonObject? Get(GroupResource resource, string? ns, string name)
    {
        lock (gate)
        {
            return Table(resource).TryGetValue((ns ?? "", name), out var e) ? JsonDoc.Thaw(e) : null;
        }
    }

    /// <summary>Objects of a resource (in one namespace, or all when <paramref name="ns"/> is null) and the revision read at.</summary>
    public (List<JsonObject> Items, long Revision) List(GroupResource resource, string? ns)
    {
        lock (gate)
        {
            var items = Table(resource).Where(p => ns is null || p.Key.Ns == ns).Select(p => JsonDoc.Thaw(p.Value)).ToList();
            return (items, revision);
        }
    }

    public bool Exists(string uid)
    {
        lock (gate) return byUid.ContainsKey(uid);
    }

    public (GroupResource Resource, JsonObject Object)? FindByUid(string uid)
    {
        lock (gate)
        {
            if (!byUid.TryGetValue(uid, out var at)) return null;
            return (at.Resource, JsonDoc.Thaw(Table(at.Resource)[(at.Ns, at.Name)]));
        }
    }

    /// <summary>Every object (of any resource) that names <paramref name="ownerUid"/> in its ownerReferences.</summary>
    public List<(GroupResource Resource, JsonObject Object)> Dependents(string ownerUid)
    {
        lock (gate)
        {
            return objects.SelectMany(t => t.Value.Values
                    .Where(e => OwnedBy(e, ownerUid))
                    .Select(e => (t.Key, JsonDoc.Thaw(e))))
                .ToList();
        }
    }

    public JsonObject Create(GroupResource resource, JsonObject obj, Func<Exception> alreadyExists)
    {
        lock (gate)
        {
            var key = (ObjectMeta.Namespace(obj) ?? "", ObjectMeta.Name(obj));
            var table = Table(resource);
            if (table.ContainsKey(key)) throw alreadyExists();
            var stored = Stamp(obj);
            table[key] = stored;
            byUid[ObjectMeta.Uid(obj)!] = (resource, key.Item1, key.Item2);
            Publish(new WatchEvent(WatchEventTypes.Added, resource, key.Item1, revision, stored, null));
            return JsonDoc.Thaw(stored);
        }
    }

    /// <summary>An atomic read-modify-write of one object: <paramref name="decide"/> runs under the store's lock.</summary>
    public ChangeResult Change(GroupResource resource, string? ns, string name, Func<JsonObject, Change> decide,
        Func<Exception> notFound)
    {
        lock (gate)
        {
            var key = (ns ?? "", name);
            var table = Table(resource);
            if (!table.TryGetValue(key, out var current)) throw notFound();
            switch (decide(JsonDoc.Thaw(current)))
            {
                case Storage.Change.ReplaceChange replace:
                    var stored = Stamp(replace.Next);
                    table[key] = stored;
                    Publish(new WatchEvent(WatchEventTypes.Modified, resource, key.Item1, revision, stored, current));
                    return new ChangeResult(JsonDoc.Thaw(stored), false, true);
                case Storage.Change.RemoveChange:
                    var last = Stamp(JsonDoc.Thaw(current));
                    table.Remove(key);
                    byUid.Remove(ObjectMeta.Uid(JsonDoc.Thaw(current)) ?? "");
                    Publish(new WatchEvent(WatchEventTypes.Deleted, resource, key.Item1, revision, last, current));
                    return new ChangeResult(JsonDoc.Thaw(last), true, true);
                default:
                    return new ChangeResult(JsonDoc.Thaw(current), false, false);
            }
        }
    }

    /// <summary>
    /// Opens a watch. Without a revision it starts with a synthetic ADDED per existing object, as the real server does;
    /// with one it replays the later events from history, or fails with 410 when they were forgotten.
    /// </summary>
    public WatchSubscription Watch(GroupResource resource, string? ns, long? fromRevision, out long startRevision)
    {
        lock (gate)
        {
            var subscription = new WatchSubscription(resource, ns, Unsubscribe);
            if (fromRevision is { } from and > 0)
            {
                var history = History(resource);
                var forgotten = Math.Max(forgottenThrough, history.ForgottenThrough);
                if (from < forgotten)
                {
                    subscription.Dispose();
                    throw Api.Errors.Expired($"too old resource version: {from} ({forgotten + 1})");
                }
                foreach (var e in history.After(from).Where(subscription.Wants)) subscription.Enqueue(e);
            }
            else
            {
                foreach (var (k, e) in Table(resource).Where(p => ns is null || p.Key.Ns == ns))
                {
                    subscription.Enqueue(new WatchEvent(WatchEventTypes.Added, resource, k.Ns, RevisionOf(e), e, null));
                }
            }
            subscriptions.Add(subscription);
            startRevision = revision;
            return subscription;
        }
    }

    /// <summary>Queues a bookmark behind every event already queued, so its revision is one the watcher has fully seen.</summary>
    public void Bookmark(WatchSubscription subscription)
    {
        lock (gate)
        {
            var marker = JsonSerializer.SerializeToElement(new JsonObject());
            subscription.Enqueue(new WatchEvent(WatchEventTypes.Bookmark, subscription.Resource, "", revision, marker, null));
        }
    }

    /// <summary>Like an etcd compaction: every resume from a revision before now gets 410 Expired.</summary>
    public void ExpireHistory()
    {
        lock (gate)
        {
            revision++;
            forgottenThrough = revision;
            foreach (var history in histories.Values) history.Forget(revision);
        }
    }

    public void DropWatches()
    {
        lock (gate)
        {
            foreach (var s in subscriptions) s.Drop();
        }
    }

    private void Unsubscribe(WatchSubscription s)
    {
        lock (gate) subscriptions.Remove(s);
    }

    private void Publish(WatchEvent e)
    {
        History(e.Resource).Add(e);
        foreach (var s in subscriptions.Where(s => s.Wants(e))) s.Enqueue(e);
    }

    private JsonElement Stamp(JsonObject obj)
    {
        JsonDoc.Metadata(obj)["resourceVersion"] = (++revision).ToString(CultureInfo.InvariantCulture);
        return JsonDoc.Freeze(obj);
    }

    private static long RevisionOf(JsonElement e) =>
        long.Parse(e.GetProperty("metadata").GetProperty("resourceVersion").GetString()!, CultureInfo.InvariantCulture);

    private static bool OwnedBy(JsonElement e, string uid) =>
        e.TryGetProperty("metadata", out var m) && m.TryGetProperty("ownerReferences", out var refs) &&
        refs.ValueKind == JsonValueKind.Array &&
        refs.EnumerateArray().Any(r => r.TryGetProperty("uid", out var u) && u.GetString() == uid);

    private SortedDictionary<(string Ns, string Name), JsonElement> Table(GroupResource resource)
    {
        if (!objects.TryGetValue(resource, out var table)) objects[resource] = table = [];
        return table;
    }

    private WatchHistory History(GroupResource resource)
    {
        if (!histories.TryGetValue(resource, out var history)) histories[resource] = history = new WatchHistory(historySize);
        return history;
    }
}
