using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// <c>/version</c> and the legacy discovery documents (<c>/api</c>, <c>/apis</c>, group and group-version resource
/// lists), computed from the registry on every request so they follow CRDs as they come and go.
/// </summary>
internal sealed class DiscoveryHandler(ResourceRegistry registry)
{
    public JsonNode? TryHandle(HttpContext context)
    {
        if (context.Request.Method != "GET") return null;
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => Version(),
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
                {
                    ["clientCIDR"] = "0.0.0.0/0",
                    ["serverAddress"] = context.Request.Host.Value,
                }),
            },
            ["api", var version] => ResourceList("", version),
            ["apis"] => new JsonObject
            {
                ["kind"] = "APIGroupList",
                ["apiVersion"] = "v1",
                ["groups"] = new JsonArray(Groups().Select(g => (JsonNode)Group(g)).ToArray()),
            },
            ["apis", var group] => Groups().Contains(group) ? Group(group) : null,
            ["apis", var group, var version] => ResourceList(group, version),
            _ => null,
        };
    }

    private static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4-flowgen-emulator",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.8",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    private List<string> Groups() => registry.All.Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct().ToList();

    private JsonObject Group(string group)
    {
        var versions = registry.All.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        JsonObject GroupVersion(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(v)).ToArray()),
            ["preferredVersion"] = GroupVersion(versions[0]),
        };
    }

    private JsonObject? ResourceList(string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0) return null;
        var resources = new JsonArray();
        foreach (var t in types)
        {
            var entry = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = Strings(ResourceType.Verbs),
            };
            if (t.ShortNames.Count > 0) entry["shortNames"] = Strings(t.ShortNames);
            if (t.Categories is { Count: > 0 } categories) entry["categories"] = Strings(categories);
            resources.Add(entry);
            if (t.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{t.Plural}/status",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = Strings(["get", "patch", "update"]),
                });
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
