using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

[JsonConverter(typeof(JsonStringEnumConverter<StartPolicy>))]
public enum StartPolicy
{
    /// <summary>Barrier start: once every agent is Armed, all are told to start at the same instant.</summary>
    Together,

    /// <summary>Each agent starts as soon as it is Armed.</summary>
    Immediately,
}
