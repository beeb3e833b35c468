using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgen.Operator.Api.Schema;

/// <summary>
/// The JSON names KubernetesJson gives members: [JsonPropertyName] or [JsonStringEnumMemberName]
/// when present (the k8s models carry them), camelCase otherwise.
/// </summary>
internal static class JsonNames
{
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static string Of(FieldInfo enumMember) =>
        enumMember.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? enumMember.Name;

    /// <summary>The properties a serializer writes: public, readable, settable, not [JsonIgnore]d.</summary>
    public static IEnumerable<PropertyInfo> SerializedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null);
}
