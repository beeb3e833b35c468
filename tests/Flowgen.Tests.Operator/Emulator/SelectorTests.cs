using System.Net;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

public class SelectorTests : EmulatorTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("a", new Dictionary<string, string> { ["app"] = "agent", ["tier"] = "gen" }, "n1"), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("b", new Dictionary<string, string> { ["app"] = "agent", ["tier"] = "sink" }, "n2"), "default");
        await Client.CoreV1.CreateNamespacedPodAsync(Pod("c", new Dictionary<string, string> { ["app"] = "other" }), "default");
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("""{"status":{"phase":"Running"}}""", V1Patch.PatchType.MergePatch), "a", "default");
    }

    [Theory]
    [InlineData("app=agent", "a,b")]
    [InlineData("app==agent", "a,b")]
    [InlineData("app!=agent", "c")]
    [InlineData("tier in (gen, sink)", "a,b")]
    [InlineData("tier notin (gen)", "b,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("app=agent,tier!=gen", "b")]
    [InlineData("", "a,b,c")]
    public async Task Label_selectors(string selector, string expected) =>
        Assert.Equal(expected, Names(await Client.CoreV1.ListNamespacedPodAsync("default", labelSelector: selector)));

    [Theory]
    [InlineData("metadata.name=b", "b")]
    [InlineData("metadata.namespace=default,metadata.name!=b", "a,c")]
    [InlineData("spec.nodeName=n1", "a")]
    [InlineData("spec.nodeName=", "c")]
    [InlineData("status.phase=Running", "a")]
    [InlineData("status.phase!=Running", "b,c")]
    public async Task Field_selectors(string selector, string expected) =>
        Assert.Equal(expected, Names(await Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: selector)));

    [Fact]
    public async Task An_unsupported_field_is_400_and_lists_across_namespaces_work()
    {
        var bad = await Rejected(() => Client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "spec.image=x"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Equal("a,b", Names(await Client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app=agent", limit: 1)));
    }

    private static string Names(V1PodList list) => string.Join(',', list.Items.Select(p => p.Metadata.Name).Order());
}
