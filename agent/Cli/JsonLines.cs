using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgen.Cli;

/// <summary>`--json` output: one compact JSON object per line, camelCase, for machines.</summary>
internal static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter output, T value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, Options));
        output.Flush();
    }
}
