using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

/// <summary>What the agents send; the spec carries the options block of its mode (<c>udp</c> or <c>tcp</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowMode>))]
public enum FlowMode
{
    [JsonStringEnumMemberName("udp")]
    Udp,

    [JsonStringEnumMemberName("tcp")]
    Tcp,
}
