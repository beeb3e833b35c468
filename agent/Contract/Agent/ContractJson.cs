using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgen.Contract;

/// <summary>The JSON the agent serves and the operator reads: camelCase, enums as names.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
