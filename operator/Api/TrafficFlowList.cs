using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Flowgen.Operator.Api;

public sealed class TrafficFlowList : IKubernetesObject<V1ListMeta>, IItems<TrafficFlow>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = TrafficFlow.ApiVersionValue;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = $"{TrafficFlow.KindValue}List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<TrafficFlow> Items { get; set; } = [];
}
