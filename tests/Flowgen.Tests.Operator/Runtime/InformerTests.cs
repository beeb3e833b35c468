using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;
using static Flowgen.Tests.Operator.Runtime.ScriptedListWatch;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>The informer's bookkeeping against a scripted server; the emulator tests cover the wire.</summary>
public sealed class InformerTests
{
    private static readonly InformerOptions Fast = new()
    {
        InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task It_lists_then_watches_from_the_lists_resourceVersion()
    {
        var server = new ScriptedListWatch();
        server.SetList("10", Pod("a", "5"), Pod("b", "9"));
        var (informer, seen) = Start(server);
        await using var _ = informer;

        await Eventually.True(() => server.WatchesOpened == 1);
        server.Send(WatchEventType.Modified, Pod("a", "11"));
        server.Send(WatchEventType.Added, Pod("c", "12"));
        await Eventually.True(() => informer.ResourceVersion == "12");

        Assert.Equal("10", server.WatchedFrom[0]);
        Assert.Equal(["Added a", "Added b", "Updated a", "Added c"], seen);
        Assert.Equal("11", informer.Get("default", "a")?.Metadata.ResourceVersion);
        Assert.Equal(3, informer.List().Count);
    }

    [Fact]
    public async Task Bookmarks_advance_the_resourceVersion_and_a_reconnect_resumes_from_it()
    {
        var server = new ScriptedListWatch();
        server.SetList("10", Pod("a", "5"));
        var (informer, seen) = Start(server);
        await using var _ = informer;
        await Eventually.True(() => server.WatchesOpened == 1);

        server.Send(WatchEventType.Bookmark, Bookmark("40"));
        await Eventually.True(() => informer.ResourceVersion == "40");
        server.EndStream();
        await Eventually.True(() => server.WatchesOpened == 2);

        Assert.Equal(["10", "40"], server.WatchedFrom);
        Assert.Equal(["Added a"], seen);
        Assert.Equal(1, informer.Lists);
    }

    [Fact]
    public async Task A_broken_stream_reconnects_from_the_last_event_without_listing_again()
    {
        var server = new ScriptedListWatch();
        server.SetList("10");
        var (informer, _) = Start(server);
        await using var __ = informer;
        await Eventually.True(() => server.WatchesOpened == 1);

        server.Send(WatchEventType.Added, Pod("a", "11"));
        server.EndStream(new IOException("connection reset"));
        await Eventually.True(() => server.WatchesOpened == 2);

        Assert.Equal(["10", "11"], server.WatchedFrom);
        Assert.Equal(1, informer.Lists);
        Assert.True(informer.WatchRestarts >= 1);
    }

    [Fact]
    public async Task After_410_a_relist_reports_what_the_lost_events_would_have()
    {
        var server = new ScriptedListWatch();
        server.SetList("10", Pod("keep", "3"), Pod("change", "4"), Pod("gone", "5"));
        var (informer, seen) = Start(server);
        await using var _ = informer;
        await Eventually.True(() => server.WatchesOpened == 1);

        server.SetList("90", Pod("keep", "3"), Pod("change", "60"), Pod("new", "70"));
        server.EndStream(new WatchExpiredException("410 Gone"));
        await Eventually.True(() => server.WatchesOpened == 2);

        Assert.Equal(2, informer.Lists);
        Assert.Equal("90", server.WatchedFrom[1]);
        Assert.Equal(["Updated change", "Added new", "Deleted gone"], seen.Skip(3));
        Assert.Null(informer.Get("default", "gone"));
    }

    [Fact]
    public async Task A_410_when_opening_the_watch_also_relists()
    {
        var server = new ScriptedListWatch();
        server.SetList("10", Pod("a", "5"));
        var (informer, _) = Start(server);
        await using var _ = informer;
        await Eventually.True(() => server.WatchesOpened == 1);

        server.ExpireNextOpen();
        server.EndStream();
        await Eventually.True(() => server.WatchesOpened == 3);

        Assert.Equal(2, informer.Lists);
    }

    [Fact]
    public async Task A_watch_that_is_silent_past_the_threshold_is_stale_until_the_next_bookmark()
    {
        var clock = new ManualClock();
        var server = new ScriptedListWatch();
        server.SetList("10");
        await using var informer = new Informer<V1Pod>(server, Fast with { StaleAfter = TimeSpan.FromMinutes(3) }, clock);
        informer.Start();
        await Eventually.True(() => server.WatchesOpened == 1);
        Assert.Null(informer.Problem(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(informer.IsStale(TimeSpan.FromMinutes(3)));
        Assert.Contains("informer/pods", informer.Problem(clock.GetUtcNow()));

        server.Send(WatchEventType.Bookmark, Bookmark("11"));
        await Eventually.True(() => !informer.IsStale(TimeSpan.FromMinutes(3)));
        Assert.Equal(clock.GetUtcNow(), informer.LastEventAt);
    }

    private static (Informer<V1Pod> Informer, List<string> Seen) Start(ScriptedListWatch server)
    {
        var informer = new Informer<V1Pod>(server, Fast);
        var seen = new List<string>();
        informer.Subscribe(e => seen.Add($"{e.Type} {e.Object.Metadata.Name}"));
        informer.Start();
        return (informer, seen);
    }
}
