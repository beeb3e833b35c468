using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

public class CustomResourceTests : EmulatorTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrd.Widgets());
    }

    [Fact]
    public async Task A_crd_created_at_runtime_is_served_established_and_discoverable_by_short_name()
    {
        var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.test");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");

        var resources = await Client.GetAPIResourcesAsync(TestCrd.Group, TestCrd.Version);
        Assert.Contains(resources.Resources, r => r.Name == "widgets" && r.Kind == "Widget" && r.Namespaced && r.ShortNames.Contains("wg"));
        Assert.Contains(resources.Resources, r => r.Name == "widgets/status");
        Assert.Contains((await Client.Apis.GetAPIVersionsAsync()).Groups, g => g.Name == TestCrd.Group);

        var created = await Create(Widget("w", """{"size": 3, "duration": "60s"}"""));
        Assert.Equal("Widget", created["kind"]!.GetValue<string>());
        var list = await Client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_the_crd_removes_its_objects_and_stops_serving_it()
    {
        await Create(Widget("w", """{"size": 3, "duration": "60s"}"""));
        await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("widgets.example.test");

        var gone = await Rejected(() => Get("w"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        var discovery = await Rejected(() => Client.GetAPIResourcesAsync(TestCrd.Group, TestCrd.Version));
        Assert.Equal(HttpStatusCode.NotFound, discovery.Response.StatusCode);
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrd.Widgets());
        Assert.Empty((await Client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"size": 0, "duration": "1s"}""", "spec.size")]
    [InlineData("""{"size": 11, "duration": "1s"}""", "spec.size")]
    [InlineData("""{"size": 1, "duration": "1s", "color": "purple"}""", "spec.color")]
    [InlineData("""{"size": 1, "duration": "1s", "mac": "aa:bb:cc:dd:ee"}""", "spec.mac")]
    [InlineData("""{"size": 1, "duration": "1s", "port": 65535}""", "spec.port")]
    [InlineData("""{"duration": "1s"}""", "spec")]
    [InlineData("""{"size": 1}""", "spec")]
    [InlineData("""{"size": 1, "duration": "1s", "packets": 5}""", "spec")]
    public async Task The_stored_schema_rejects_a_bad_object_with_422_naming_the_field(string spec, string field)
    {
        var rejected = await Rejected(() => Create(Widget("bad", spec)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(rejected.Response.Content);
        Assert.Equal("Invalid", status.Reason);
        Assert.Contains(status.Details.Causes, c => c.Field == field);
        Assert.Contains(field, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_are_applied_and_unknown_fields_pruned_unless_preserved()
    {
        var created = await Create(Widget("w", """{"size": 2, "packets": 10, "bogus": 1, "extra": {"anything": {"goes": true}}}"""));
        var spec = created["spec"]!.AsObject();
        Assert.Equal("red", spec["color"]!.GetValue<string>());
        Assert.Equal(1, spec["options"]!["threads"]!.GetValue<int>());
        Assert.False(spec.ContainsKey("bogus"));
        Assert.True(spec["extra"]!["anything"]!["goes"]!.GetValue<bool>());
        Assert.False(created.ContainsKey("unknownTopLevel"));
    }

    [Fact]
    public async Task Status_changes_only_through_the_subresource_and_generation_counts_spec_changes()
    {
        var body = Widget("w", """{"size": 2, "duration": "5s"}""");
        body["status"] = new JsonObject { ["phase"] = "Hacked" };
        var created = await Create(body);
        Assert.False(created.ContainsKey("status"));
        Assert.Equal(1, Generation(created));

        var withStatus = await PatchStatus("w", """{"status": {"phase": "Running", "observedGeneration": 1}, "spec": {"size": 9}}""");
        Assert.Equal("Running", withStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, withStatus["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(1, Generation(withStatus));

        var relabelled = await Patch("w", """{"metadata": {"labels": {"a": "b"}}, "status": {"phase": "Ignored"}}""");
        Assert.Equal("Running", relabelled["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, Generation(relabelled));

        var resized = await Patch("w", """{"spec": {"size": 4}}""");
        Assert.Equal(2, Generation(resized));

        resized["spec"]!["size"] = 5;
        resized["status"]!["phase"] = "IgnoredToo";
        var replaced = await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonObject>(resized, TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w");
        Assert.Equal(3, Generation(replaced));
        Assert.Equal("Running", replaced["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_status_update_with_a_stale_resource_version_conflicts()
    {
        var created = await Create(Widget("w", """{"size": 2, "duration": "5s"}"""));
        await PatchStatus("w", """{"status": {"phase": "Running"}}""");
        created["status"] = new JsonObject { ["phase"] = "Failed" };
        var conflict = await Rejected(() => Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<JsonObject>(
            created, TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
    }

    [Fact]
    public async Task Strategic_merge_patch_is_refused_for_custom_resources_as_on_a_real_server()
    {
        await Create(Widget("w", """{"size": 2, "duration": "5s"}"""));
        var refused = await Rejected(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
            new V1Patch("""{"spec": {"size": 3}}""", V1Patch.PatchType.StrategicMergePatch),
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, "w"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Response.StatusCode);
    }

    internal static JsonObject Widget(string name, string spec) => new()
    {
        ["apiVersion"] = $"{TestCrd.Group}/{TestCrd.Version}",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = JsonNode.Parse(spec),
        ["unknownTopLevel"] = "pruned",
    };

    private Task<JsonObject> Create(JsonObject body) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(body, TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural);

    private Task<JsonObject> Get(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, name);

    private Task<JsonObject> Patch(string name, string patch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, name);

    private Task<JsonObject> PatchStatus(string name, string patch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<JsonObject>(new V1Patch(patch, V1Patch.PatchType.MergePatch),
            TestCrd.Group, TestCrd.Version, "default", TestCrd.Plural, name);

    private static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();
}
