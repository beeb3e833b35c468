using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

/// <summary>Where a TrafficFlow's run is: Pending → Arming → Running → Succeeded | Failed | Stopped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowPhase>))]
public enum FlowPhase
{
    /// <summary>Accepted; agent pods are being placed or created.</summary>
    Pending,

    /// <summary>Agent pods run and prepare their jobs; waiting until every one is Armed.</summary>
    Arming,

    /// <summary>Agents were told to start and are sending.</summary>
    Running,

    /// <summary>Every agent reached the limit (duration or packets).</summary>
    Succeeded,

    /// <summary>An agent or its pod failed; <c>status.message</c> and the agent entries say why.</summary>
    Failed,

    /// <summary>Stopped before the limit.</summary>
    Stopped,
}
