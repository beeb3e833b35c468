using System.Text.Json.Nodes;
using Flowgen.Operator.Api;
using k8s;

namespace Flowgen.Tests.Operator.Api;

public class TrafficFlowJsonTests
{
    [Theory]
    [MemberData(nameof(SampleFlows.Files), MemberType = typeof(SampleFlows))]
    public void Samples_survive_a_round_trip_through_kubernetes_json(string sample) =>
        AssertRoundTrip(SampleFlows.Load(SampleFlows.PathOf(sample)));

    [Fact]
    public void A_flow_with_status_survives_a_round_trip() => AssertRoundTrip(SampleFlows.Running());

    [Fact]
    public void Enums_and_names_are_written_as_the_schema_spells_them()
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(SampleFlows.Running()))!;
        Assert.Equal("flowgen.dev/v1alpha1", json["apiVersion"]!.GetValue<string>());
        Assert.Equal("TrafficFlow", json["kind"]!.GetValue<string>());
        Assert.Equal("udp", json["spec"]!["mode"]!.GetValue<string>());
        Assert.Equal("Together", json["spec"]!["startPolicy"]!.GetValue<string>());
        Assert.Equal("aa:bb:cc:dd:ee:01", json["spec"]!["agents"]!["targets"]![0]!["dstMac"]!.GetValue<string>());
        Assert.Equal("Running", json["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("Armed", json["status"]!["agents"]![1]!["state"]!.GetValue<string>());
        Assert.Equal("2025-01-02T03:04:06Z", json["status"]!["startTime"]!.GetValue<string>());
    }

    [Fact]
    public void A_hand_written_flow_gets_the_schema_defaults_in_csharp_too()
    {
        var flow = SampleFlows.Load(SampleFlows.PathOf("udp-basic.yaml"));
        Assert.Equal((FlowMode.Udp, StartPolicy.Together, false), (flow.Spec.Mode, flow.Spec.StartPolicy, flow.Spec.Agents.Privileged));
        Assert.Equal(((string?)null, 64, 64), (flow.Spec.Agents.Image, flow.Spec.Udp!.HopLimit, flow.Spec.Udp.BatchSize));
        Assert.Null(flow.Status);
    }

    [Fact]
    public void Every_property_in_json_is_in_the_schema()
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(SampleFlows.Running()))!.AsObject();
        json.Remove("metadata");
        var missing = new List<string>();
        CollectUnknown(json, CrdSchema.OpenApiV3, "", missing);
        Assert.Empty(missing);
    }

    private static void AssertRoundTrip(TrafficFlow flow)
    {
        var json = KubernetesJson.Serialize(flow);
        var back = KubernetesJson.Deserialize<TrafficFlow>(json);
        Assert.Equal(json, KubernetesJson.Serialize(back));
    }

    // What the API server would prune because the schema does not know it.
    private static void CollectUnknown(JsonNode? node, JsonObject schema, string path, List<string> missing)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj)
                {
                    if (properties[name] is JsonObject property)
                    {
                        CollectUnknown(value, property, $"{path}.{name}", missing);
                    }
                    else
                    {
                        missing.Add($"{path}.{name}");
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    CollectUnknown(item, items, $"{path}[]", missing);
                }

                break;
        }
    }
}
