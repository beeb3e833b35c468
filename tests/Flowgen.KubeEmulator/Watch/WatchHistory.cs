namespace Flowgen.KubeEmulator.Watch;

/// <summary>The bounded window of past events of one resource that a watch can resume from.</summary>
internal sealed class WatchHistory(int capacity)
{
    private readonly Queue<WatchEvent> events = new();

    /// <summary>Events at or below this revision may have been forgotten: resuming from older gets 410.</summary>
    public long ForgottenThrough { get; private set; }

    public void Add(WatchEvent e)
    {
        events.Enqueue(e);
        while (events.Count > capacity) ForgottenThrough = events.Dequeue().Revision;
    }

    public void Forget(long throughRevision)
    {
        events.Clear();
        ForgottenThrough = throughRevision;
    }

    public IEnumerable<WatchEvent> After(long revision) => events.Where(e => e.Revision > revision);
}
