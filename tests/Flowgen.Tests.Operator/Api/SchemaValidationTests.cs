using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Validation;
using Flowgen.Manifests.Yaml;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Api;

/// <summary>
/// The committed CRD, applied by the emulator's generic OpenAPI validation (no hand-written checks):
/// the samples pass, and each kind of bad spec is refused at create.
/// </summary>
public class SchemaValidationTests
{
    private static readonly string[] PlacementFields = ["nodeSelector", "interface", "targets"];

    [Theory]
    [MemberData(nameof(SampleFlows.Files), MemberType = typeof(SampleFlows))]
    public void Samples_are_valid(string sample) => Assert.Empty(Admit(File.ReadAllText(SampleFlows.PathOf(sample))));

    [Fact]
    public void Defaults_are_filled_in()
    {
        var flow = Basic();
        Assert.Empty(CommittedCrd.Schema.Admit(flow));
        Assert.Equal("Together", flow["spec"]!["startPolicy"]!.GetValue<string>());
        Assert.Equal(9, flow["spec"]!["udp"]!["srcPort"]!.GetValue<long>());
        Assert.False(flow["spec"]!["agents"]!["privileged"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("bad MAC", "udp", "dstMac", "\"aa:bb:cc:dd:ee\"")]
    [InlineData("bad IPv4", "udp", "dstAddress", "\"198.18.0.300\"")]
    [InlineData("bad IPv6", "udp", "dstAddress", "\"2001:db8:::1\"")]
    [InlineData("not an address", "udp", "srcAddress", "\"localhost\"")]
    [InlineData("port above 65535", "udp", "dstPort", "65536")]
    [InlineData("negative port", "udp", "srcPort", "-1")]
    [InlineData("too many dynamic ports", "udp", "dynamicPorts", "65537")]
    [InlineData("frame too large", "udp", "packetSize", "3413")]
    [InlineData("frame too small", "udp", "packetSize", "63")]
    [InlineData("hop limit 0", "udp", "hopLimit", "0")]
    [InlineData("bad payload", "udp", "payloadHex", "\"abc\"")]
    [InlineData("too many threads", "agents", "threads", "257")]
    [InlineData("no agents", "agents", "maxAgents", "0")]
    [InlineData("bad interface", "agents", "interface", "\"eth0:1\"")]
    [InlineData("unknown mode", "", "mode", "\"sctp\"")]
    [InlineData("duration without unit", "", "duration", "\"60\"")]
    [InlineData("zero duration", "", "duration", "\"0s\"")]
    [InlineData("unknown start policy", "", "startPolicy", "\"Later\"")]
    [InlineData("negative TTL", "", "ttlSecondsAfterFinished", "-1")]
    public void Bad_values_are_refused(string why, string block, string field, string json)
    {
        var flow = Basic();
        var parent = block.Length == 0 ? flow["spec"]! : flow["spec"]![block]!;
        parent[field] = JsonNode.Parse(json);
        Assert.True(CommittedCrd.Schema.Admit(flow).Count > 0, why);
    }

    [Fact]
    public void A_bad_MAC_in_a_target_is_refused()
    {
        var flow = WithTargets("""[{"node": "n1", "interface": "eth0", "dstMac": "aa:bb:cc:dd:ee:gg"}]""");
        Assert.NotEmpty(CommittedCrd.Schema.Admit(flow));
    }

    [Fact]
    public void Duration_and_packets_together_are_refused()
    {
        var flow = Basic();
        flow["spec"]!["packets"] = 1000;
        Assert.NotEmpty(CommittedCrd.Schema.Admit(flow));
    }

    [Fact]
    public void Udp_and_tcp_options_together_are_refused()
    {
        var flow = Basic();
        flow["spec"]!["tcp"] = new JsonObject { ["dstAddress"] = "198.18.0.2" };
        Assert.NotEmpty(CommittedCrd.Schema.Admit(flow));
    }

    [Fact]
    public void Neither_udp_nor_tcp_options_is_refused()
    {
        var flow = Basic();
        flow["spec"]!.AsObject().Remove("udp");
        Assert.NotEmpty(CommittedCrd.Schema.Admit(flow));
    }

    [Fact]
    public void Tcp_options_get_their_defaults()
    {
        var flow = YamlJson.Parse(File.ReadAllText(SampleFlows.PathOf("tcp-basic.yaml")));
        flow["spec"]!["tcp"]!.AsObject().Remove("dstPort");
        Assert.Empty(CommittedCrd.Schema.Admit(flow));
        Assert.Equal((5201, 64), (flow["spec"]!["tcp"]!["dstPort"]!.GetValue<int>(), flow["spec"]!["tcp"]!["batchSize"]!.GetValue<int>()));
    }

    [Fact]
    public void Neither_duration_nor_packets_is_refused()
    {
        var flow = Basic();
        flow["spec"]!.AsObject().Remove("duration");
        Assert.NotEmpty(CommittedCrd.Schema.Admit(flow));
    }

    [Theory]
    [InlineData("no placement at all", new string[0])]
    [InlineData("interface without nodeSelector", new[] { "interface" })]
    [InlineData("nodeSelector without interface", new[] { "nodeSelector" })]
    [InlineData("targets beside nodeSelector", new[] { "nodeSelector", "interface", "targets" })]
    [InlineData("targets beside interface", new[] { "interface", "targets" })]
    public void Placement_must_be_a_selector_with_an_interface_or_targets(string why, string[] given)
    {
        var flow = Basic();
        var agents = flow["spec"]!["agents"]!.AsObject();
        agents["targets"] = JsonNode.Parse("""[{"node": "n1", "interface": "eth0"}]""");
        foreach (var name in PlacementFields.Except(given))
        {
            agents.Remove(name);
        }

        Assert.True(CommittedCrd.Schema.Admit(flow).Count > 0, why);
    }

    [Fact]
    public void Targets_alone_are_a_placement() =>
        Assert.Empty(CommittedCrd.Schema.Admit(WithTargets("""[{"node": "n1", "interface": "eth0"}]""")));

    [Fact]
    public void An_empty_target_list_is_refused() => Assert.NotEmpty(CommittedCrd.Schema.Admit(WithTargets("[]")));

    [Fact]
    public void A_target_without_interface_is_refused() =>
        Assert.NotEmpty(CommittedCrd.Schema.Admit(WithTargets("""[{"node": "n1"}]""")));

    private static JsonObject WithTargets(string targets)
    {
        var flow = Basic();
        var agents = flow["spec"]!["agents"]!.AsObject();
        agents.Remove("nodeSelector");
        agents.Remove("interface");
        agents["targets"] = JsonNode.Parse(targets);
        return flow;
    }

    private static JsonObject Basic() => YamlJson.Parse(File.ReadAllText(SampleFlows.PathOf("udp-basic.yaml")));

    private static IReadOnlyList<Flowgen.KubeEmulator.Api.StatusCause> Admit(string yaml) => CommittedCrd.Schema.Admit(YamlJson.Parse(yaml));
}
