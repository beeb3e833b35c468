using System.Reflection;
using k8s.Models;

namespace Flowgen.Operator.Api.Schema;

/// <summary>
/// Turns <see cref="ExactlyOneOfAttribute"/> into <c>oneOf</c> branches of <c>required</c> and
/// <c>not</c> — the only value checks a structural schema allows inside oneOf, and ones that
/// every OpenAPI validator understands (no CEL). A branch requires its group and forbids every
/// member of the other groups, so a half-given group beside a whole one is refused too.
/// </summary>
internal static class ExactlyOneOf
{
    public static void Apply(V1JSONSchemaProps schema, Type type)
    {
        var choices = type.GetCustomAttributes<ExactlyOneOfAttribute>()
            .Select(attribute => new V1JSONSchemaProps { OneOf = Branches(type, attribute) })
            .ToList();
        if (choices.Count == 1)
        {
            schema.OneOf = choices[0].OneOf;
        }
        else if (choices.Count > 1)
        {
            schema.AllOf = choices;
        }
    }

    /// <summary>
    /// Turns <see cref="AtMostOneOfAttribute"/> into <c>not: {anyOf: [{required: [a, b]}, …]}</c>, one
    /// branch for every pair: the object is refused when any two of a set are present.
    /// </summary>
    public static void ApplyAtMostOne(V1JSONSchemaProps schema, Type type)
    {
        var pairs = type.GetCustomAttributes<AtMostOneOfAttribute>()
            .Select(attribute => attribute.Properties.Select(name => JsonName(type, name)).ToList())
            .SelectMany(names => names.SelectMany((first, i) => names.Skip(i + 1).Select(second => new List<string> { first, second })))
            .Select(pair => new V1JSONSchemaProps { Required = pair })
            .ToList();
        if (pairs.Count > 0)
        {
            schema.Not = new() { AnyOf = pairs };
        }
    }

    private static List<V1JSONSchemaProps> Branches(Type type, ExactlyOneOfAttribute attribute)
    {
        var groups = attribute.Groups
            .Select(group => group.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => JsonName(type, name)).ToList())
            .ToList();
        return [.. groups.Select(group => Branch(group, groups.Where(other => other != group).SelectMany(other => other).ToList()))];
    }

    private static V1JSONSchemaProps Branch(List<string> group, List<string> forbidden)
    {
        var branch = new V1JSONSchemaProps { Required = group };
        if (forbidden.Count == 1)
        {
            branch.Not = new() { Required = forbidden };
        }
        else if (forbidden.Count > 1)
        {
            branch.Not = new() { AnyOf = [.. forbidden.Select(name => new V1JSONSchemaProps { Required = [name] })] };
        }

        return branch;
    }

    private static string JsonName(Type type, string propertyName) =>
        type.GetProperty(propertyName) is { } property
            ? JsonNames.Of(property)
            : throw new InvalidOperationException($"a schema attribute on {type.Name} names '{propertyName}', which it does not have");
}
