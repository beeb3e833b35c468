using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Json.Schema;

namespace Flowgen.KubeEmulator.Validation;

/// <summary>
/// One CRD version's <c>openAPIV3Schema</c>, applied to custom objects the way the API server does:
/// prune unknown fields, apply defaults, then validate (here with JsonSchema.Net; see
/// <see cref="StructuralSchemaConverter"/> for what is and is not evaluated).
/// </summary>
public sealed class CustomResourceSchema
{
    private static readonly string[] ServerOwned = ["apiVersion", "kind", "metadata"];
    private readonly JsonObject structural;
    private readonly JsonSchema compiled;

    public CustomResourceSchema(JsonObject openApiV3Schema)
    {
        structural = (JsonObject)openApiV3Schema.DeepClone();
        var converted = StructuralSchemaConverter.Convert(structural);
        // apiVersion, kind and metadata are the server's to check, whatever the CRD says about them.
        if (converted["properties"] is JsonObject properties)
        {
            foreach (var name in ServerOwned) properties.Remove(name);
        }
        converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        compiled = JsonSchema.FromText(converted.ToJsonString(), new BuildOptions(),
            new Uri($"https://emulator.flowgen.test/schemas/{Guid.NewGuid():N}"));
    }

    /// <summary>Prunes and defaults <paramref name="obj"/> in place, then returns each violation as a cause.</summary>
    public IReadOnlyList<StatusCause> Admit(JsonObject obj)
    {
        foreach (var (name, value) in obj.ToList())
        {
            if (ServerOwned.Contains(name)) continue;
            var propertySchema = structural["properties"]?[name] as JsonObject;
            if (propertySchema is null)
            {
                if (structural["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true) obj.Remove(name);
            }
            else if (value is null && propertySchema["nullable"]?.GetValue<bool>() != true) obj.Remove(name);
            else SchemaPruner.Prune(value, propertySchema);
        }
        SchemaDefaulter.Apply(obj, structural);
        return Validate(obj);
    }

    private List<StatusCause> Validate(JsonObject obj)
    {
        var results = compiled.Evaluate(JsonSerializer.SerializeToElement(obj),
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var causes = SchemaErrors.Read(results)
            .Select(e => new StatusCause(
                e.Keyword == "required" ? "FieldValueRequired" : "FieldValueInvalid",
                $"Invalid value: {Describe(obj, e.Pointer)}: {e.Message}",
                FieldPath(e.Pointer)))
            .DistinctBy(c => (c.Field, c.Message))
            .ToList();
        return causes.Count > 0 ? causes : [new StatusCause("FieldValueInvalid", "Invalid value: does not match the schema", "")];
    }

    private static string FieldPath(string pointer) =>
        pointer.Length <= 1 ? "" : string.Join('.', pointer.TrimStart('/').Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")));

    private static string Describe(JsonObject obj, string pointer)
    {
        JsonNode? node = obj;
        foreach (var token in pointer.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonObject o => o[token.Replace("~1", "/").Replace("~0", "~")],
                JsonArray a when int.TryParse(token, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? "\"object\"" : text;
    }
}
