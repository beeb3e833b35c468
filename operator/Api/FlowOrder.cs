using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

/// <summary>How an agent walks its flows (flowgen udp --flow-order).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowOrder>))]
public enum FlowOrder
{
    /// <summary>Each thread sends to the flows in turn (seq).</summary>
    Sequential,

    /// <summary>Each frame picks a flow at random (random).</summary>
    Random,
}
