using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;

namespace Flowgen.Tests.Operator.Api;

/// <summary>
/// The committed CRD (through the emulator's generic OpenAPI validation) on spec.udp's sizes, ranges,
/// flow order, VLAN and stamping: defaults filled in, good values admitted, bad ones refused at the field.
/// </summary>
public class FlowOptionsSchemaTests
{
    private static readonly string[] SizeFields = ["packetSize", "packetSizes", "sizeProfile"];

    [Theory]
    [InlineData("dstAddress", "\"198.18.0.0/24\"")]
    [InlineData("dstAddress", "\"198.18.0.2-198.18.0.9\"")]
    [InlineData("dstAddress", "\"2001:db8::/96\"")]
    [InlineData("srcAddress", "\"2001:db8::1-2001:db8::ff\"")]
    [InlineData("srcEndPort", "65535")]
    [InlineData("dstEndPort", "0")]
    [InlineData("flowOrder", "\"Random\"")]
    [InlineData("sizeProfile", "\"IMIX\"")]
    [InlineData("packetSizes", """[{"size": 64, "weight": 7}, {"size": 1518}]""")]
    [InlineData("vlan", """{"id": 4094, "priority": 7}""")]
    [InlineData("stamp", "true")]
    public void Good_values_are_admitted(string field, string json) => Assert.Empty(CommittedCrd.Schema.Admit(WithUdp(field, json)));

    [Theory]
    [InlineData("dstAddress", "\"198.18.0.0/33\"", "spec.udp.dstAddress")]
    [InlineData("dstAddress", "\"2001:db8::/64\"", "spec.udp.dstAddress")]
    [InlineData("srcAddress", "\"198.18.0.1-2001:db8::1\"", "spec.udp.srcAddress")]
    [InlineData("srcAddress", "\"198.18.0.1-\"", "spec.udp.srcAddress")]
    [InlineData("srcEndPort", "65536", "spec.udp.srcEndPort")]
    [InlineData("dstEndPort", "-1", "spec.udp.dstEndPort")]
    [InlineData("flowOrder", "\"seq\"", "spec.udp.flowOrder")]
    [InlineData("sizeProfile", "\"tolly\"", "spec.udp.sizeProfile")]
    [InlineData("packetSizes", """[{"size": 64}]""", "spec.udp.packetSizes")]
    [InlineData("packetSizes", """[{"size":64},{"size":65},{"size":66},{"size":67},{"size":68},{"size":69},{"size":70},{"size":71},{"size":72}]""", "spec.udp.packetSizes")]
    [InlineData("packetSizes", """[{"size": 63}, {"size": 128}]""", "spec.udp.packetSizes.0.size")]
    [InlineData("packetSizes", """[{"size": 64, "weight": 0}, {"size": 128}]""", "spec.udp.packetSizes.0.weight")]
    [InlineData("packetSizes", """[{"weight": 2}, {"size": 128}]""", "spec.udp.packetSizes.0")]
    [InlineData("vlan", """{"id": 0}""", "spec.udp.vlan.id")]
    [InlineData("vlan", """{"id": 4095}""", "spec.udp.vlan.id")]
    [InlineData("vlan", """{"id": 1, "priority": 8}""", "spec.udp.vlan.priority")]
    [InlineData("vlan", """{"priority": 1}""", "spec.udp.vlan")]
    [InlineData("stamp", "\"yes\"", "spec.udp.stamp")]
    public void Bad_values_are_refused_at_their_field(string field, string json, string path)
    {
        var causes = CommittedCrd.Schema.Admit(WithUdp(field, json));

        Assert.True(causes.Any(cause => cause.Field == path), $"{field}={json}: {string.Join("; ", causes.Select(c => $"{c.Field}: {c.Message}"))}");
    }

    [Theory]
    [InlineData("packetSize", "sizeProfile")]
    [InlineData("packetSize", "packetSizes")]
    [InlineData("packetSizes", "sizeProfile")]
    public void Two_ways_of_giving_the_sizes_are_refused(string one, string other)
    {
        var flow = WithUdp("sizeProfile", "\"IMIX\"");
        var udp = flow["spec"]!["udp"]!.AsObject();
        udp["packetSizes"] = JsonNode.Parse("""[{"size": 64}, {"size": 1518}]""");
        udp["packetSize"] = 128;
        foreach (var name in SizeFields.Except([one, other]))
        {
            udp.Remove(name);
        }

        Assert.Contains(CommittedCrd.Schema.Admit(flow), cause => cause.Field == "spec.udp");
    }

    [Fact]
    public void Defaults_are_sequential_untagged_and_unstamped_with_weight_1_and_priority_0()
    {
        var flow = WithUdp("packetSizes", """[{"size": 64}, {"size": 1518}]""");
        flow["spec"]!["udp"]!["vlan"] = new JsonObject { ["id"] = 100 };

        Assert.Empty(CommittedCrd.Schema.Admit(flow));

        var udp = flow["spec"]!["udp"]!;
        Assert.Equal(("Sequential", false), (udp["flowOrder"]!.GetValue<string>(), udp["stamp"]!.GetValue<bool>()));
        Assert.Equal([1, 1], udp["packetSizes"]!.AsArray().Select(size => size!["weight"]!.GetValue<int>()));
        Assert.Equal(0, udp["vlan"]!["priority"]!.GetValue<int>());
        Assert.Null(udp["sizeProfile"]);
    }

    private static JsonObject WithUdp(string field, string json)
    {
        var flow = YamlJson.Parse(File.ReadAllText(SampleFlows.PathOf("udp-basic.yaml")));
        var udp = flow["spec"]!["udp"]!.AsObject();
        udp.Remove("packetSize");
        udp.Remove("dynamicPorts");
        udp[field] = JsonNode.Parse(json);
        return flow;
    }
}
