using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace Flowgen.Operator.Api.Schema;

/// <summary>
/// A structural OpenAPI v3 schema from a C# type, by reflection: every value is typed, objects
/// list their properties (sorted, so the output is stable), and the attributes beside this class
/// (<see cref="RequiredAttribute"/>, <see cref="PatternAttribute"/>, …) add constraints. The k8s
/// model types (tolerations, resources, conditions) are described the same way, from their properties.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>Kubernetes' resource.Quantity pattern, as controller-gen writes it.</summary>
    private const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    // The k8s models nest a few levels; anything deeper means a cycle.
    private const int MaxDepth = 12;

    private static readonly JsonSerializerOptions DefaultsJson = new(JsonSerializerDefaults.Web);

    public static V1JSONSchemaProps For(Type type) => For(type, 0);

    private static V1JSONSchemaProps For(Type type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{type} nests deeper than {MaxDepth} levels; is it recursive?");
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return Scalar(type)
            ?? Special(type)
            ?? (DictionaryValue(type) is { } value ? new() { Type = "object", AdditionalProperties = For(value, depth + 1) }
                : ListItem(type) is { } item ? new() { Type = "array", Items = For(item, depth + 1) }
                : Object(type, depth));
    }

    private static V1JSONSchemaProps? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => new() { Type = "string" },
        _ when type == typeof(bool) => new() { Type = "boolean" },
        _ when type == typeof(int) || type == typeof(short) || type == typeof(ushort) || type == typeof(byte) =>
            new() { Type = "integer", Format = "int32" },
        _ when type == typeof(long) || type == typeof(uint) => new() { Type = "integer", Format = "int64" },
        _ when type == typeof(double) || type == typeof(float) => new() { Type = "number", Format = "double" },
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => new() { Type = "string", Format = "date-time" },
        { IsEnum: true } => new()
        {
            Type = "string",
            EnumProperty = [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(JsonNames.Of)],
        },
        _ => null,
    };

    private static V1JSONSchemaProps? Special(Type type) => type switch
    {
        // The API server owns metadata's schema; a CRD may only say it is an object.
        _ when type == typeof(V1ObjectMeta) => new() { Type = "object" },
        _ when type == typeof(ResourceQuantity) => new()
        {
            XKubernetesIntOrString = true,
            AnyOf = [new() { Type = "integer" }, new() { Type = "string" }],
            Pattern = QuantityPattern,
        },
        _ => null,
    };

    private static V1JSONSchemaProps Object(Type type, int depth)
    {
        if (!type.IsClass)
        {
            throw new NotSupportedException($"no schema for {type}: add it to {nameof(SchemaGenerator)}");
        }

        var properties = new SortedDictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var property in JsonNames.SerializedProperties(type))
        {
            var name = JsonNames.Of(property);
            properties[name] = Constrain(For(property.PropertyType, depth + 1), property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
            Properties = properties,
            Required = required.Count > 0 ? [.. required.Order(StringComparer.Ordinal)] : null,
        };
        ExactlyOneOf.Apply(schema, type);
        ExactlyOneOf.ApplyAtMostOne(schema, type);
        return schema;
    }

    private static V1JSONSchemaProps Constrain(V1JSONSchemaProps schema, PropertyInfo property)
    {
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema.Description = description.Description;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            if (pattern.Patterns.Count == 1)
            {
                schema.Pattern = pattern.Patterns[0];
            }
            else
            {
                schema.AnyOf = [.. pattern.Patterns.Select(p => new V1JSONSchemaProps { Pattern = p })];
            }
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            (schema.Minimum, schema.Maximum) = (range.Minimum, range.Maximum);
        }

        if (property.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema.Minimum = minimum.Minimum;
        }

        if (property.GetCustomAttribute<MinCountAttribute>() is { } count)
        {
            if (schema.Type == "array")
            {
                schema.MinItems = count.Count;
            }
            else
            {
                schema.MinProperties = count.Count;
            }
        }

        if (property.GetCustomAttribute<MaxCountAttribute>() is { } most)
        {
            schema.MaxItems = most.Count;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } length)
        {
            schema.MaxLength = length.Length;
        }

        if (property.GetCustomAttribute<DefaultAttribute>() is not null)
        {
            schema.DefaultProperty = DefaultOf(property);
        }

        return schema;
    }

    /// <summary>The property's value in a new instance, as YAML writes it: text, whole number, number or boolean.</summary>
    private static object DefaultOf(PropertyInfo property)
    {
        var instance = Activator.CreateInstance(property.DeclaringType!)!;
        var node = JsonSerializer.SerializeToNode(property.GetValue(instance), property.PropertyType, DefaultsJson);
        return node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False => node.GetValue<bool>(),
            JsonValueKind.Number when node.AsValue().TryGetValue(out long whole) => whole,
            JsonValueKind.Number => node.GetValue<double>(),
            _ => throw new NotSupportedException($"[Default] on {property.DeclaringType!.Name}.{property.Name}: only scalar defaults are supported"),
        };
    }

    private static Type? DictionaryValue(Type type) =>
        GenericInterface(type, typeof(IDictionary<,>)) is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ListItem(Type type) =>
        type.IsArray ? type.GetElementType() : GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
