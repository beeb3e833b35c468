using System.Text.Json.Nodes;
using Flowgen.KubeEmulator;
using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Emulator;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>The informer over real HTTP against the API emulator: nothing the server did may be missed.</summary>
public sealed class EmulatorInformerTests() : EmulatorTest(new KubeApiEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) })
{
    private const string Ns = "default";
    private readonly List<InformerEvent<V1Pod>> seen = [];

    [Fact]
    public async Task It_lists_existing_pods_then_watches_changes()
    {
        await CreatePod("before-1");
        await CreatePod("before-2");
        await using var informer = await StartInformer();

        await CreatePod("after");
        await Label("before-1", "changed");
        await Client.CoreV1.DeleteNamespacedPodAsync("before-2", Ns);

        await CatchesUpWithServer(informer);
        Assert.Equal(["before-1", "before-2"], Names(InformerEventType.Added).Take(2).Order());
        Assert.Contains("after", Names(InformerEventType.Added));
        Assert.Contains("before-1", Names(InformerEventType.Updated));
        Assert.Equal(["before-2"], Names(InformerEventType.Deleted));
        Assert.Equal(1, informer.Lists);
    }

    [Fact]
    public async Task A_watch_dropped_mid_stream_resumes_without_losing_an_event()
    {
        await using var informer = await StartInformer();
        for (var i = 0; i < 5; i++)
        {
            await CreatePod($"p{i}");
        }
        await CatchesUpWithServer(informer);

        Emulator.DropWatches();
        await Label("p0", "after-drop");
        await Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns);
        await CreatePod("p5");
        Emulator.DropWatches();
        await CreatePod("p6");

        await CatchesUpWithServer(informer);
        Assert.Equal(["p0", "p1", "p2", "p3", "p4", "p5", "p6"], Names(InformerEventType.Added).Order());
        Assert.Equal(["p1"], Names(InformerEventType.Deleted));
        Assert.Equal("after-drop", informer.Get(Ns, "p0")!.Metadata.Labels["step"]);
        Assert.Equal(1, informer.Lists);
        Assert.True(informer.WatchRestarts >= 1);
    }

    [Fact]
    public async Task After_history_expires_a_dropped_watch_relists_and_reports_every_change_including_deletes()
    {
        // A long first retry delay keeps the informer away while the changes it must not miss happen.
        await using var informer = await StartInformer(new InformerOptions { InitialRetryDelay = TimeSpan.FromSeconds(1) });
        await CreatePod("stays");
        await CreatePod("deleted");
        await CreatePod("modified");
        await CatchesUpWithServer(informer);

        Emulator.DropWatches();
        await Client.CoreV1.DeleteNamespacedPodAsync("deleted", Ns);
        await Label("modified", "while-away");
        await CreatePod("created");
        Emulator.ExpireHistory();

        await Eventually.True(() => informer.Lists == 2, "re-list after 410");
        await CatchesUpWithServer(informer);
        Assert.Equal(["deleted"], Names(InformerEventType.Deleted));
        Assert.Contains("modified", Names(InformerEventType.Updated));
        Assert.Contains("created", Names(InformerEventType.Added));
        Assert.Null(informer.Get(Ns, "deleted"));
    }

    [Fact]
    public async Task Bookmarks_carry_the_resourceVersion_past_changes_the_informer_does_not_watch()
    {
        await using var informer = await StartInformer();
        await CreatePod("watched");
        await CatchesUpWithServer(informer);
        var afterLastEvent = informer.ResourceVersion;
        var eventsBefore = Count();

        await Client.CoreV1.CreateNamespacedPodAsync(Pod("elsewhere"), "kube-system");
        var serverVersion = Emulator.ResourceVersion;

        await Eventually.True(() => informer.ResourceVersion == serverVersion, "bookmark reached the informer");
        Assert.NotEqual(afterLastEvent, serverVersion);
        Assert.Equal(eventsBefore, Count());
    }

    private async Task<Informer<V1Pod>> StartInformer(InformerOptions? options = null)
    {
        var informer = new Informer<V1Pod>(ListWatches.Pods(Client, Ns),
            (options ?? new InformerOptions()) with { MinWatchTimeout = TimeSpan.FromSeconds(30) });
        informer.Subscribe(e => { lock (seen) { seen.Add(e); } });
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Eventually.Patience);
        return informer;
    }

    /// <summary>The cache holds exactly what the server holds, object for object, version for version.</summary>
    private async Task CatchesUpWithServer(Informer<V1Pod> informer)
    {
        var server = await Client.CoreV1.ListNamespacedPodAsync(Ns);
        var expected = server.Items.Select(p => $"{p.Metadata.Name}@{p.Metadata.ResourceVersion}").Order().ToArray();
        await Eventually.True(() => informer.List().Select(p => $"{p.Metadata.Name}@{p.Metadata.ResourceVersion}").Order().SequenceEqual(expected),
            $"cache = [{string.Join(", ", expected)}]");
    }

    private string[] Names(InformerEventType type)
    {
        lock (seen)
        {
            return [.. seen.Where(e => e.Type == type).Select(e => e.Object.Metadata.Name)];
        }
    }

    private int Count()
    {
        lock (seen)
        {
            return seen.Count;
        }
    }

    private Task<V1Pod> CreatePod(string name) => Client.CoreV1.CreateNamespacedPodAsync(Pod(name), Ns);

    private Task<V1Pod> Label(string name, string step) => Client.CoreV1.PatchNamespacedPodAsync(
        MergePatch.Create(new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["step"] = step } } }),
        name, Ns);
}
