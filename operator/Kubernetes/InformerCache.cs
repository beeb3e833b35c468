using k8s;
using k8s.Models;

namespace Flowgen.Operator.Kubernetes;

/// <summary>The informer's copy of the collection, by namespace/name; safe to read from any thread.</summary>
public sealed class InformerCache<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, T> items = [];

    public int Count
    {
        get { lock (gate) { return items.Count; } }
    }

    public T? Get(ObjectKey key)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (gate)
        {
            return [.. items.Values];
        }
    }

    /// <summary>Stores the object; returns the change that made.</summary>
    public InformerEvent<T> Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            var old = items.GetValueOrDefault(key);
            items[key] = obj;
            return old is null
                ? new InformerEvent<T>(InformerEventType.Added, obj)
                : new InformerEvent<T>(InformerEventType.Updated, obj, old);
        }
    }

    /// <summary>Removes the object; the event carries the last state we held, if any.</summary>
    public InformerEvent<T> Remove(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (gate)
        {
            items.Remove(key, out var old);
            return new InformerEvent<T>(InformerEventType.Deleted, obj, old);
        }
    }

    /// <summary>
    /// Replaces the whole content with a fresh list and returns the differences, so a re-list after
    /// 410 reports what the lost watch events would have: additions, changes (by resourceVersion)
    /// and deletions of objects that are gone from the list.
    /// </summary>
    public IReadOnlyList<InformerEvent<T>> Replace(IReadOnlyList<T> fresh)
    {
        var changes = new List<InformerEvent<T>>();
        lock (gate)
        {
            var gone = new Dictionary<ObjectKey, T>(items);
            items.Clear();
            foreach (var obj in fresh)
            {
                var key = ObjectKey.Of(obj);
                items[key] = obj;
                if (!gone.Remove(key, out var old))
                {
                    changes.Add(new InformerEvent<T>(InformerEventType.Added, obj));
                }
                else if (old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
                {
                    changes.Add(new InformerEvent<T>(InformerEventType.Updated, obj, old));
                }
            }
            changes.AddRange(gone.Values.Select(old => new InformerEvent<T>(InformerEventType.Deleted, old, old)));
        }
        return changes;
    }
}
