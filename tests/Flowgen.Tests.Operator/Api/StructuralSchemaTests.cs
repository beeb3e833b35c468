using System.Text.Json.Nodes;
using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Api;

/// <summary>The rules apiextensions.k8s.io/v1 holds a CRD schema to ("structural"), checked on the generated one.</summary>
public class StructuralSchemaTests
{
    private static readonly HashSet<string> ValueKeywords =
    [
        "type", "format", "description", "properties", "items", "additionalProperties", "required", "enum", "pattern",
        "minimum", "maximum", "minItems", "maxItems", "minProperties", "maxLength", "default", "oneOf", "anyOf", "allOf", "not",
        "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
    ];

    // Inside oneOf/anyOf/allOf/not only value checks may appear: no types, defaults, descriptions or properties.
    private static readonly HashSet<string> JunctorKeywords = ["required", "pattern", "anyOf", "oneOf", "allOf", "not"];

    private static readonly string[] Junctors = ["oneOf", "anyOf", "allOf"];

    [Fact]
    public void Every_value_has_a_type_and_only_known_keywords()
    {
        var problems = new List<string>();
        CheckValue(CrdSchema.OpenApiV3, "", problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Required_names_are_properties_of_their_object()
    {
        var problems = new List<string>();
        CheckRequired(CrdSchema.OpenApiV3, "", problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void Status_is_a_subresource()
    {
        var version = TrafficFlowCrd.Build().Spec.Versions.Single();
        Assert.NotNull(version.Subresources.Status);
        Assert.Contains("status: {}", TrafficFlowCrd.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_scope_and_version_are_the_designed_ones()
    {
        var spec = TrafficFlowCrd.Build().Spec;
        Assert.Equal(("flowgen.dev", "Namespaced"), (spec.Group, spec.Scope));
        Assert.Equal(("TrafficFlow", "trafficflows", "trafficflow"), (spec.Names.Kind, spec.Names.Plural, spec.Names.Singular));
        Assert.Equal(["tf"], spec.Names.ShortNames);
        Assert.Equal("v1alpha1", Assert.Single(spec.Versions).Name);
    }

    private static void CheckValue(JsonObject schema, string path, List<string> problems)
    {
        problems.AddRange(schema.Select(p => p.Key).Where(k => !ValueKeywords.Contains(k)).Select(k => $"{path}: unknown keyword {k}"));
        var intOrString = schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        if (schema["type"] is null && !intOrString)
        {
            problems.Add($"{path}: no type");
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            CheckValue(property!.AsObject(), $"{path}.{name}", problems);
        }

        if (schema["items"] is JsonObject items)
        {
            CheckValue(items, $"{path}[]", problems);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            CheckValue(values, $"{path}{{}}", problems);
        }

        foreach (var junctor in Junctors)
        {
            foreach (var branch in schema[junctor]?.AsArray() ?? [])
            {
                // The one exception the API server makes: int-or-string spells its two types in anyOf.
                if (!(intOrString && junctor == "anyOf"))
                {
                    CheckJunctor(branch!.AsObject(), $"{path}/{junctor}", problems);
                }
            }
        }

        if (schema["not"] is JsonObject not)
        {
            CheckJunctor(not, $"{path}/not", problems);
        }
    }

    private static void CheckJunctor(JsonObject schema, string path, List<string> problems)
    {
        problems.AddRange(schema.Select(p => p.Key).Where(k => !JunctorKeywords.Contains(k)).Select(k => $"{path}: {k} inside a junctor"));
        foreach (var junctor in Junctors)
        {
            foreach (var branch in schema[junctor]?.AsArray() ?? [])
            {
                CheckJunctor(branch!.AsObject(), $"{path}/{junctor}", problems);
            }
        }

        if (schema["not"] is JsonObject not)
        {
            CheckJunctor(not, $"{path}/not", problems);
        }
    }

    private static void CheckRequired(JsonObject schema, string path, List<string> problems)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var name in RequiredNames(schema))
        {
            if (properties?.ContainsKey(name) != true)
            {
                problems.Add($"{path}: requires {name}, which is not a property");
            }
        }

        foreach (var (name, property) in properties ?? [])
        {
            CheckRequired(property!.AsObject(), $"{path}.{name}", problems);
        }

        if (schema["items"] is JsonObject items)
        {
            CheckRequired(items, $"{path}[]", problems);
        }
    }

    /// <summary>Names in required, also those inside the junctors (the one-of groups).</summary>
    private static IEnumerable<string> RequiredNames(JsonNode? schema) =>
        schema is not JsonObject obj
            ? []
            : (obj["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
                .Concat(Junctors.SelectMany(j => obj[j]?.AsArray() ?? []).SelectMany(RequiredNames))
                .Concat(RequiredNames(obj["not"]));
}
