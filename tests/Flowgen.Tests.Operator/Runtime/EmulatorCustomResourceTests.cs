using System.Text.Json.Nodes;
using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Emulator;
using k8s;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>The runtime on a custom resource (informer, status, finalizers, events), over HTTP against the emulator.</summary>
public sealed class EmulatorCustomResourceTests : EmulatorTest
{
    private const string Ns = "default";

    private CustomResourceClient<Widget> Widgets => new(Client, Widget.Resource);

    [Fact]
    public async Task An_informer_on_a_custom_resource_sees_creates_status_writes_and_deletes()
    {
        await EnsureCrd();
        await using var informer = new Informer<Widget>(ListWatches.CustomObjects<Widget, WidgetList>(Client, Widget.Resource, Ns));
        using var keys = new WorkQueue<ObjectKey>();
        informer.Subscribe(e => keys.Add(ObjectKey.Of(e.Object)));
        informer.Start();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Eventually.Patience);

        await CreateWidget("w");
        await new StatusWriter<Widget>(Widgets).UpdateAsync(Ns, "w", _ => new WidgetStatus { Total = 9 }, CancellationToken.None);
        await Eventually.True(() => informer.Get(Ns, "w")?.Status?.Total == 9, "status seen");
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widget.Resource.Group, Widget.Resource.Version, Ns, Widget.Resource.Plural, "w");
        await Eventually.True(() => informer.Get(Ns, "w") is null, "delete seen");

        Assert.Equal((true, new ObjectKey(Ns, "w")), await keys.GetAsync(CancellationToken.None));
        Assert.Equal(0, keys.Count);
    }

    [Fact]
    public async Task A_409_on_the_status_patch_is_retried_from_a_fresh_read_without_losing_the_totals()
    {
        await CreateWidget("w");
        var writer = new StatusWriter<Widget>(Widgets);
        var computed = 0;
        Emulator.FailNextRequest("PATCH", "/widgets/w/status", 409);

        var written = await writer.UpdateAsync(Ns, "w", w =>
        {
            computed++;
            return new WidgetStatus { Total = 123_456_789, Note = $"size {w.Spec.Size}" };
        }, CancellationToken.None);

        var stored = await Widgets.GetAsync(Ns, "w", CancellationToken.None);
        Assert.Equal(2, computed);
        Assert.Equal(123_456_789, written!.Status!.Total);
        Assert.Equal(123_456_789, stored!.Status!.Total);
    }

    [Fact]
    public async Task A_status_computed_from_a_stale_read_is_recomputed_from_the_newer_object()
    {
        await CreateWidget("w", size: 1);
        var writer = new StatusWriter<Widget>(Widgets);
        var sizesSeen = new List<int>();

        await writer.UpdateAsync(Ns, "w", w =>
        {
            sizesSeen.Add(w.Spec.Size);
            if (sizesSeen.Count == 1)
            {
                // Someone changes the object between our read and our write: the write must get a 409.
                Widgets.PatchAsync(Ns, "w", MergePatch.Create(new JsonObject { ["spec"] = new JsonObject { ["size"] = 2 } }),
                    CancellationToken.None).GetAwaiter().GetResult();
            }
            return new WidgetStatus { Note = $"size {w.Spec.Size}" };
        }, CancellationToken.None);

        var stored = await Widgets.GetAsync(Ns, "w", CancellationToken.None);
        Assert.Equal([1, 2], sizesSeen);
        Assert.Equal("size 2", stored!.Status!.Note);
    }

    [Fact]
    public async Task Status_patches_leave_spec_alone_and_spec_patches_leave_status_alone()
    {
        await CreateWidget("w", size: 5);
        await new StatusWriter<Widget>(Widgets).UpdateAsync(Ns, "w", _ => new { total = 7, size = 99 }, CancellationToken.None);

        var stored = await Widgets.GetAsync(Ns, "w", CancellationToken.None);
        Assert.Equal(5, stored!.Spec.Size);
        Assert.Equal(7, stored.Status!.Total);
    }

    [Fact]
    public async Task A_finalizer_holds_a_deleted_object_until_it_is_removed()
    {
        var widget = await Widgets.AddAsync(await CreateWidget("w"), "flowgen.dev/agents", CancellationToken.None);
        Assert.True(Finalizers.Has(widget, "flowgen.dev/agents"));

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widget.Resource.Group, Widget.Resource.Version, Ns, Widget.Resource.Plural, "w");
        var terminating = await Widgets.GetAsync(Ns, "w", CancellationToken.None);
        Assert.NotNull(terminating!.Metadata.DeletionTimestamp);

        await Widgets.RemoveAsync(terminating, "flowgen.dev/agents", CancellationToken.None);
        Assert.Null(await Widgets.GetAsync(Ns, "w", CancellationToken.None));
    }

    [Fact]
    public async Task A_repeated_event_bumps_the_count_of_one_Event()
    {
        var widget = await CreateWidget("w");
        var recorder = new EventRecorder(Client, "flowgen-operator");

        await recorder.WarningAsync(widget, "AgentFailed", "agent on n1 exited 3", CancellationToken.None);
        await recorder.WarningAsync(widget, "AgentFailed", "agent on n1 exited 3", CancellationToken.None);
        await recorder.NormalAsync(widget, "Started", "4 agents started", CancellationToken.None);

        var events = (await Client.CoreV1.ListNamespacedEventAsync(Ns)).Items;
        Assert.Equal(2, events.Count);
        var failed = Assert.Single(events, e => e.Reason == "AgentFailed");
        Assert.Equal((2, "Warning", "Widget", "w", widget.Metadata.Uid),
            (failed.Count, failed.Type, failed.InvolvedObject.Kind, failed.InvolvedObject.Name, failed.InvolvedObject.Uid));
    }

    private async Task<Widget> CreateWidget(string name, int size = 1)
    {
        await EnsureCrd();
        var widget = new Widget { Metadata = new() { Name = name, NamespaceProperty = Ns }, Spec = new WidgetSpec { Size = size } };
        return await Client.CustomObjects.CreateNamespacedCustomObjectAsync<Widget>(
            widget, Widget.Resource.Group, Widget.Resource.Version, Ns, Widget.Resource.Plural);
    }

    private async Task EnsureCrd()
    {
        try
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Widget.Definition());
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
        }
    }
}
