using System.ComponentModel;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Flowgen.Operator.Api;

/// <summary>
/// A TrafficFlow (flowgen.dev/v1alpha1): agents on chosen nodes send one kind of traffic until a
/// duration or packet count is reached. These types are the source of the CRD (<see cref="TrafficFlowCrd"/>).
/// </summary>
[Description("Agents on chosen nodes send traffic until a duration or packet count is reached.")]
public sealed class TrafficFlow : IKubernetesObject<V1ObjectMeta>, ISpec<TrafficFlowSpec>, IStatus<TrafficFlowStatus?>
{
    public const string Group = "flowgen.dev";
    public const string Version = "v1alpha1";
    public const string ApiVersionValue = $"{Group}/{Version}";
    public const string KindValue = "TrafficFlow";
    public const string Plural = "trafficflows";
    public const string Singular = "trafficflow";
    public const string ShortName = "tf";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiVersionValue;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindValue;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TrafficFlowSpec Spec { get; set; } = new();

    /// <summary>Null until the operator first writes it.</summary>
    [JsonPropertyName("status")]
    public TrafficFlowStatus? Status { get; set; }
}
