using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Storage;
using Flowgen.KubeEmulator.Tables;
using Flowgen.KubeEmulator.Validation;
using Json.Schema;

namespace Flowgen.KubeEmulator.Resources;

/// <summary>Reads a CustomResourceDefinition: checks it as the server would, and derives the resources it serves.</summary>
internal static class CrdResources
{
    public static List<StatusCause> Check(JsonObject crd)
    {
        var causes = new List<StatusCause>();
        void Require(bool ok, string field, string message)
        {
            if (!ok) causes.Add(new StatusCause("FieldValueInvalid", message, field));
        }
        var spec = crd["spec"] as JsonObject;
        var group = JsonDoc.String(spec, "group");
        var plural = JsonDoc.String(spec?["names"], "plural");
        Require(!string.IsNullOrEmpty(group), "spec.group", "Required value");
        Require(!string.IsNullOrEmpty(plural), "spec.names.plural", "Required value");
        Require(!string.IsNullOrEmpty(JsonDoc.String(spec?["names"], "kind")), "spec.names.kind", "Required value");
        Require(JsonDoc.String(spec, "scope") is "Namespaced" or "Cluster", "spec.scope", "Unsupported value: must be Namespaced or Cluster");
        Require(ObjectMeta.Name(crd) == $"{plural}.{group}", "metadata.name", $"Invalid value: must be spec.names.plural+\".\"+spec.group");
        var versions = Versions(crd).ToList();
        Require(versions.Count > 0, "spec.versions", "Required value: must have exactly one version marked as storage version");
        Require(versions.Count(v => v["storage"]?.GetValue<bool>() == true) == 1, "spec.versions",
            "Invalid value: must have exactly one version marked as storage version");
        foreach (var version in versions)
        {
            try
            {
                _ = SchemaOf(version);
            }
            catch (Exception e) when (e is JsonSchemaException or InvalidOperationException or FormatException)
            {
                causes.Add(new StatusCause("FieldValueInvalid", $"Invalid value: {e.Message}",
                    $"spec.versions[{JsonDoc.String(version, "name")}].schema.openAPIV3Schema"));
            }
        }
        return causes;
    }

    public static List<ResourceType> Served(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var kind = JsonDoc.String(names, "kind")!;
        return Versions(crd).Where(v => v["served"]?.GetValue<bool>() != false).Select(v =>
        {
            var hasStatus = v["subresources"]?["status"] is not null;
            return new ResourceType(
                JsonDoc.String(spec, "group")!,
                JsonDoc.String(v, "name")!,
                JsonDoc.String(names, "plural")!,
                JsonDoc.String(names, "singular") ?? kind.ToLowerInvariant(),
                kind,
                JsonDoc.String(spec, "scope") == "Namespaced",
                Strings(names["shortNames"]),
                HasStatus: hasStatus,
                StatusOnCreate: hasStatus ? StatusOnCreate.Drop : StatusOnCreate.Keep,
                TracksGeneration: true,
                SelectableFields: (v["selectableFields"] as JsonArray)?.Select(f => JsonDoc.String(f, "jsonPath")!.TrimStart('.')).ToList(),
                Categories: Strings(names["categories"]),
                Schema: SchemaOf(v),
                Columns: PrinterColumn.FromCrdVersion(v));
        }).ToList();
    }

    private static IEnumerable<JsonObject> Versions(JsonObject crd) =>
        (crd["spec"]?["versions"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static CustomResourceSchema SchemaOf(JsonObject version) =>
        new(version["schema"]?["openAPIV3Schema"] as JsonObject
            ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true });

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
}
