using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api;

/// <summary>A named mix of frame sizes (flowgen udp -s imix).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SizeProfile>))]
public enum SizeProfile
{
    /// <summary>The simple IMIX: 7:4:1 of 64, 594 and 1518 bytes (an acronym, so upper case, like protocol: TCP).</summary>
    [JsonStringEnumMemberName("IMIX")]
    Imix,
}
