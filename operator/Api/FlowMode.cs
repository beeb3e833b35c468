using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

/// <summary>What the agents send; the spec carries one options block per mode (only <c>udp</c> so far).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowMode>))]
public enum FlowMode
{
    [JsonStringEnumMemberName("udp")]
    Udp,
}
