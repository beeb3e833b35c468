using System.Net;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

public class CrudTests : EmulatorTest
{
    [Fact]
    public async Task Create_get_list_update_delete_round_trip_with_server_owned_metadata()
    {
        var created = await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "token" },
            StringData = new Dictionary<string, string> { ["token"] = "s3cret" },
        }, "default");
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal("default", created.Metadata.NamespaceProperty);

        var fetched = await Client.CoreV1.ReadNamespacedSecretAsync("token", "default");
        Assert.Equal(created.Metadata.ResourceVersion, fetched.Metadata.ResourceVersion);

        fetched.Metadata.Labels = new Dictionary<string, string> { ["app"] = "flowgen" };
        var updated = await Client.CoreV1.ReplaceNamespacedSecretAsync(fetched, "token", "default");
        Assert.True(long.Parse(updated.Metadata.ResourceVersion) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);

        var list = await Client.CoreV1.ListNamespacedSecretAsync("default");
        Assert.Equal("token", Assert.Single(list.Items).Metadata.Name);
        Assert.True(long.Parse(list.Metadata.ResourceVersion) >= long.Parse(updated.Metadata.ResourceVersion));

        await Client.CoreV1.DeleteNamespacedSecretAsync("token", "default");
        var missing = await Rejected(() => Client.CoreV1.ReadNamespacedSecretAsync("token", "default"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Equal("NotFound", StatusReason(missing));
    }

    [Fact]
    public async Task Every_write_advances_one_global_resource_version()
    {
        var a = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "a" } }, "default");
        var lease = await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new() { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "op-1", LeaseDurationSeconds = 15 },
        }, "default");
        Assert.Equal(long.Parse(a.Metadata.ResourceVersion) + 1, long.Parse(lease.Metadata.ResourceVersion));
        Assert.Equal("op-1", (await Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default")).Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_stale_resource_version_is_a_409_conflict_and_an_existing_name_is_409_already_exists()
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        var stale = await Client.CoreV1.ReadNamespacedPodAsync("p", "default");
        created.Metadata.Labels = new Dictionary<string, string> { ["v"] = "1" };
        await Client.CoreV1.ReplaceNamespacedPodAsync(created, "p", "default");

        stale.Metadata.Labels = new Dictionary<string, string> { ["v"] = "2" };
        var conflict = await Rejected(() => Client.CoreV1.ReplaceNamespacedPodAsync(stale, "p", "default"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Equal("Conflict", StatusReason(conflict));
        Assert.Contains("the object has been modified", conflict.Response.Content, StringComparison.Ordinal);

        var exists = await Rejected(() => Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default"));
        Assert.Equal(HttpStatusCode.Conflict, exists.Response.StatusCode);
        Assert.Equal("AlreadyExists", StatusReason(exists));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_resource_version()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new() { Name = "same" },
            Data = new Dictionary<string, string> { ["k"] = "v" },
        }, "default");
        var again = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "same", "default");
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task GenerateName_gets_a_random_suffix()
    {
        var pod = Pod(null!);
        pod.Metadata.GenerateName = "agent-";
        var a = await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        var b = await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        Assert.Matches("^agent-[a-z0-9]{5}$", a.Metadata.Name);
        Assert.NotEqual(a.Metadata.Name, b.Metadata.Name);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404_and_an_invalid_name_is_422()
    {
        var missing = await Rejected(() => Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);

        var invalid = await Rejected(() => Client.CoreV1.CreateNamespacedPodAsync(Pod("Not_Valid"), "default"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Response.StatusCode);
        Assert.Equal("Invalid", StatusReason(invalid));
    }

    [Fact]
    public async Task Pod_status_is_set_by_the_server_on_create_and_changed_only_through_the_status_subresource()
    {
        var pod = Pod("p");
        pod.Status = new V1PodStatus { Phase = "Running" };
        var created = await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        Assert.Equal("Pending", created.Status.Phase);

        created.Status.Phase = "Running";
        var replaced = await Client.CoreV1.ReplaceNamespacedPodAsync(created, "p", "default");
        Assert.Equal("Pending", replaced.Status.Phase);

        var patched = await Client.CoreV1.PatchNamespacedPodStatusAsync(
            new V1Patch("""{"status":{"phase":"Running","podIP":"198.18.0.2"}}""", V1Patch.PatchType.MergePatch), "p", "default");
        Assert.Equal("Running", patched.Status.Phase);
        Assert.Equal("198.18.0.2", patched.Status.PodIP);
    }

    [Fact]
    public async Task Patches_merge_json_and_strategic_with_containers_merged_by_name()
    {
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("p"), "default");
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(
            """[{"op":"add","path":"/metadata/labels","value":{"a":"1"}}]""", V1Patch.PatchType.JsonPatch), "p", "default");
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(
            """{"metadata":{"annotations":{"b":"2"}}}""", V1Patch.PatchType.MergePatch), "p", "default");
        var patched = await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(
            """{"spec":{"containers":[{"name":"agent","image":"flowgen:v2"},{"name":"sidecar","image":"busybox"}]}}""",
            V1Patch.PatchType.StrategicMergePatch), "p", "default");

        Assert.Equal("1", patched.Metadata.Labels["a"]);
        Assert.Equal("2", patched.Metadata.Annotations["b"]);
        Assert.Equal(["agent", "sidecar"], patched.Spec.Containers.Select(c => c.Name));
        Assert.Equal("flowgen:v2", patched.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task A_patch_carrying_a_stale_resource_version_conflicts()
    {
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "c" } }, "default");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"x":"1"}}""", V1Patch.PatchType.MergePatch), "c", "default");
        var stale = await Rejected(() => Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(
            $$$"""{"metadata":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"},"data":{"x":"2"}}""",
            V1Patch.PatchType.MergePatch), "c", "default"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    [Fact]
    public async Task Cluster_scoped_nodes_and_the_default_namespace_exist_as_on_a_cluster()
    {
        Assert.Contains((await Client.CoreV1.ListNamespaceAsync()).Items, n => n.Metadata.Name == "default");
        await Client.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new() { Name = "n1", Labels = new Dictionary<string, string> { ["flowgen.dev/generator"] = "true" } },
        });
        Assert.Single((await Client.CoreV1.ListNodeAsync(labelSelector: "flowgen.dev/generator=true")).Items);
    }

    [Fact]
    public async Task Injected_failures_hit_the_next_matching_request_once_and_requests_are_logged()
    {
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new() { Name = "c" } }, "default");
        Emulator.FailNextRequest("GET", "/configmaps/c", 409);
        var failed = await Rejected(() => Client.CoreV1.ReadNamespacedConfigMapAsync("c", "default"));
        Assert.Equal(HttpStatusCode.Conflict, failed.Response.StatusCode);
        await Client.CoreV1.ReadNamespacedConfigMapAsync("c", "default");
        Assert.Equal(2, Emulator.Requests.Count(r => r.Method == "GET" && r.Path == "/api/v1/namespaces/default/configmaps/c"));
    }
}
