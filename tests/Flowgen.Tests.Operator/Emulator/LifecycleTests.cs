using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

public class LifecycleTests : EmulatorTest
{
    private const string Finalizer = "flowgen.dev/agents";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrd.Widgets());
    }

    [Fact]
    public async Task Finalizers_delay_deletion_until_they_are_removed()
    {
        var body = CustomResourceTests.Widget("w", """{"size": 1, "duration": "1s"}""");
        body["metadata"]!["finalizers"] = new JsonArray(Finalizer);
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(body, TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w");
        var deleting = await Get("w");
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.True(deleting["metadata"]!["generation"]!.GetValue<long>() > created["metadata"]!["generation"]!.GetValue<long>());

        var addFinalizer = await Rejected(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
            new V1Patch("""{"metadata": {"finalizers": ["flowgen.dev/agents", "another"]}}""", V1Patch.PatchType.MergePatch),
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, addFinalizer.Response.StatusCode);

        await Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
            new V1Patch("""{"metadata": {"finalizers": null}}""", V1Patch.PatchType.MergePatch),
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w");
        Assert.Equal(HttpStatusCode.NotFound, (await Rejected(() => Get("w"))).Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_owner_garbage_collects_its_dependents_by_uid()
    {
        var owner = await CreateWidget("owner");
        var other = await CreateWidget("other");
        await Client.CoreV1.CreateNamespacedPodAsync(Owned(Pod("agent-1"), owner), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Owned(Owned(Pod("shared"), owner), other), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("unrelated"), "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "owner");

        var pods = (await Client.CoreV1.ListNamespacedPodAsync("default")).Items.ToDictionary(p => p.Metadata.Name);
        Assert.False(pods.ContainsKey("agent-1"));
        Assert.Equal(Uid(other), Assert.Single(pods["shared"].Metadata.OwnerReferences).Uid);
        Assert.True(pods.ContainsKey("unrelated"));
    }

    [Fact]
    public async Task Orphan_propagation_keeps_dependents_without_the_reference()
    {
        var owner = await CreateWidget("owner");
        await Client.CoreV1.CreateNamespacedPodAsync(Owned(Pod("agent-1"), owner), "default");
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "owner",
            propagationPolicy: "Orphan");
        var pod = await Client.CoreV1.ReadNamespacedPodAsync("agent-1", "default");
        Assert.Null(pod.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_its_dependents_are_gone()
    {
        var owner = await CreateWidget("owner");
        var pod = Owned(Pod("agent-1"), owner);
        pod.Metadata.Finalizers = [Finalizer];
        await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "owner",
            propagationPolicy: "Foreground");
        Assert.Contains("foregroundDeletion", (await Get("owner"))["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.NotNull((await Client.CoreV1.ReadNamespacedPodAsync("agent-1", "default")).Metadata.DeletionTimestamp);

        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "agent-1", "default");
        Assert.Equal(HttpStatusCode.NotFound, (await Rejected(() => Get("owner"))).Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_what_is_in_it()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = "flows" } });
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new() { Name = "s" } }, "flows");
        await Client.CoreV1.DeleteNamespaceAsync("flows");
        Assert.Equal(HttpStatusCode.NotFound, (await Rejected(() => Client.CoreV1.ReadNamespaceAsync("flows"))).Response.StatusCode);
        Assert.Empty((await Client.CoreV1.ListSecretForAllNamespacesAsync()).Items);
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        var conflict = await Rejected(() => Client.CoreV1.DeleteNamespacedPodAsync("p", "default",
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } }));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
    }

    private async Task<JsonObject> CreateWidget(string name) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(
            CustomResourceTests.Widget(name, """{"size": 1, "duration": "1s"}"""), TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural);

    private Task<JsonObject> Get(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, name);

    private static string Uid(JsonObject obj) => obj["metadata"]!["uid"]!.GetValue<string>();

    private static V1Pod Owned(V1Pod pod, JsonObject owner)
    {
        pod.Metadata.OwnerReferences ??= [];
        pod.Metadata.OwnerReferences.Add(new V1OwnerReference
        {
            ApiVersion = $"{TestCrd.Group}/{TestCrd.Version}",
            Kind = "Widget",
            Name = owner["metadata"]!["name"]!.GetValue<string>(),
            Uid = Uid(owner),
        });
        return pod;
    }
}
