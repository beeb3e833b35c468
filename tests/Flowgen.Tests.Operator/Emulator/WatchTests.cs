using k8s;
using k8s.Models;
using Flowgen.KubeEmulator;

namespace Flowgen.Tests.Operator.Emulator;

public class WatchTests() : EmulatorTest(new KubeApiEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) })
{
    [Fact]
    public async Task A_watch_from_a_resource_version_replays_exactly_the_later_events_then_goes_live()
    {
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("before"), "default");
        var listed = await Client.CoreV1.ListNamespacedPodAsync("default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), "default");
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"x":"1"}}}""", V1Patch.PatchType.MergePatch), "before", "default");
        await Client.CoreV1.DeleteNamespacedPodAsync("p2", "default");

        await using var watch = PodWatch.Start(Client, listed.Metadata.ResourceVersion);
        Assert.Equal((WatchEventType.Added, "p2"), await watch.NextChangeAsync());
        Assert.Equal((WatchEventType.Modified, "before"), await watch.NextChangeAsync());
        Assert.Equal((WatchEventType.Deleted, "p2"), await watch.NextChangeAsync());
        Assert.True(await watch.QuietAsync());

        await Client.CoreV1.CreateNamespacedPodAsync(Pod("live"), "default");
        Assert.Equal((WatchEventType.Added, "live"), await watch.NextChangeAsync());
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_objects()
    {
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("existing"), "default");
        await using var watch = PodWatch.Start(Client);
        Assert.Equal((WatchEventType.Added, "existing"), await watch.NextChangeAsync());
    }

    [Fact]
    public async Task Events_carry_increasing_resource_versions_and_deletion_gets_its_own()
    {
        var listed = await Client.CoreV1.ListNamespacedPodAsync("default");
        await using var watch = PodWatch.Start(Client, listed.Metadata.ResourceVersion);
        var created = await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        await Client.CoreV1.DeleteNamespacedPodAsync("p", "default");
        var added = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal(created.Metadata.ResourceVersion, added.Pod.Metadata.ResourceVersion);
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.True(long.Parse(deleted.Pod.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task After_ExpireHistory_a_resume_gets_an_error_event_with_status_410_Expired()
    {
        var listed = await Client.CoreV1.ListNamespacedPodAsync("default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("missed"), "default");
        Emulator.ExpireHistory();

        await using var watch = PodWatch.Start(Client, listed.Metadata.ResourceVersion);
        await watch.EndedAsync();
        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);

        var relisted = await Client.CoreV1.ListNamespacedPodAsync("default");
        await using var resumed = PodWatch.Start(Client, relisted.Metadata.ResourceVersion);
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("after"), "default");
        Assert.Equal((WatchEventType.Added, "after"), await resumed.NextChangeAsync());
    }

    [Fact]
    public async Task Bookmarks_arrive_with_the_current_resource_version_when_asked_for()
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        await using var watch = PodWatch.Start(Client, created.Metadata.ResourceVersion, bookmarks: true);
        var bookmark = await watch.NextAsync();
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(Emulator.ResourceVersion, bookmark.Pod.Metadata.ResourceVersion);

        await using var plain = PodWatch.Start(Client, created.Metadata.ResourceVersion);
        await Task.Delay(300);
        await Client.CoreV1.DeleteNamespacedPodAsync("p", "default");
        Assert.Equal(WatchEventType.Deleted, (await plain.NextAsync()).Type);
    }

    [Fact]
    public async Task DropWatches_ends_every_open_stream_mid_stream()
    {
        var listed = await Client.CoreV1.ListNamespacedPodAsync("default");
        await using var watch = PodWatch.Start(Client, listed.Metadata.ResourceVersion);
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        Assert.Equal((WatchEventType.Added, "p"), await watch.NextChangeAsync());

        Emulator.DropWatches();
        await watch.EndedAsync();
    }

    [Fact]
    public async Task TimeoutSeconds_closes_the_stream()
    {
        await using var watch = PodWatch.Start(Client, Emulator.ResourceVersion, timeoutSeconds: 1);
        await watch.EndedAsync();
        // KubernetesClient reports an empty stream's end as an EndOfStreamException; no Status error came.
        Assert.DoesNotContain(watch.Errors, e => e is KubernetesException);
    }

    [Fact]
    public async Task Selectors_apply_to_watches_and_objects_entering_or_leaving_the_selection_are_added_or_deleted()
    {
        await using var watch = PodWatch.Start(Client, Emulator.ResourceVersion, labelSelector: "app=agent");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("q", new Dictionary<string, string> { ["app"] = "agent" }), "default");
        Assert.Equal((WatchEventType.Added, "q"), await watch.NextChangeAsync());

        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"agent"}}}""", V1Patch.PatchType.MergePatch), "p", "default");
        Assert.Equal((WatchEventType.Added, "p"), await watch.NextChangeAsync());
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":null}}}""", V1Patch.PatchType.MergePatch), "q", "default");
        Assert.Equal((WatchEventType.Deleted, "q"), await watch.NextChangeAsync());
    }

    [Fact]
    public async Task Field_selectors_apply_to_watches()
    {
        await using var watch = PodWatch.Start(Client, Emulator.ResourceVersion, fieldSelector: "spec.nodeName=n1");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("elsewhere", nodeName: "n2"), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("here", nodeName: "n1"), "default");
        Assert.Equal((WatchEventType.Added, "here"), await watch.NextChangeAsync());
    }
}

public class WatchHistorySizeTests() : EmulatorTest(new KubeApiEmulatorOptions { WatchHistorySize = 2 })
{
    [Fact]
    public async Task A_resume_from_before_the_bounded_history_gets_410()
    {
        var start = Emulator.ResourceVersion;
        for (var i = 0; i < 3; i++) await Client.CoreV1.CreateNamespacedPodAsync(Pod($"p{i}"), "default");

        await using var expired = PodWatch.Start(Client, start);
        await expired.EndedAsync();
        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(expired.Errors)).Status.Code);

        var p0 = await Client.CoreV1.ReadNamespacedPodAsync("p0", "default");
        await using var recent = PodWatch.Start(Client, p0.Metadata.ResourceVersion);
        Assert.Equal((WatchEventType.Added, "p1"), await recent.NextChangeAsync());
        Assert.Equal((WatchEventType.Added, "p2"), await recent.NextChangeAsync());
    }
}
