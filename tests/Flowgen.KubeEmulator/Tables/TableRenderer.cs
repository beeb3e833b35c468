using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Tables;

/// <summary>
/// Renders objects as a <c>meta.k8s.io/v1 Table</c>: a Name column, then the resource's printer columns, with cells
/// typed as the API server types them (dates become ages such as <c>5s</c>; a missing value is <c>null</c>, which
/// kubectl prints as <c>&lt;none&gt;</c>).
/// </summary>
internal static class TableRenderer
{
    private static readonly PrinterColumn NameColumn = new("Name", "string", ".metadata.name",
        "Name must be unique within a namespace.", Format: "name");

    public static JsonObject Render(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion,
        TableRequest request, bool withColumnDefinitions = true)
    {
        var columns = Columns(type);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = withColumnDefinitions
                ? new JsonArray(columns.Select(c => (JsonNode)Definition(c)).ToArray())
                : new JsonArray(),
            ["rows"] = new JsonArray(objects.Select(o => (JsonNode)Row(columns, o, request.IncludeObject)).ToArray()),
        };
        return table;
    }

    private static List<PrinterColumn> Columns(ResourceType type) => [NameColumn, .. type.PrinterColumns];

    private static JsonObject Definition(PrinterColumn column) => new()
    {
        ["name"] = column.Name,
        ["type"] = column.Type,
        ["format"] = column.Format,
        ["description"] = column.Description,
        ["priority"] = column.Priority,
    };

    private static JsonObject Row(List<PrinterColumn> columns, JsonObject obj, IncludeObject include)
    {
        var row = new JsonObject
        {
            ["cells"] = new JsonArray(columns.Select(c => Cell(c, ColumnPath.Evaluate(obj, c.JsonPath))).ToArray()),
        };
        switch (include)
        {
            case IncludeObject.Object:
                row["object"] = obj.DeepClone();
                break;
            case IncludeObject.Metadata:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }
        return row;
    }

    /// <summary>The value as the column's type has it, or null when the field is missing or has another type.</summary>
    private static JsonNode? Cell(PrinterColumn column, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return column.Type == "string" && value is not null ? value.ToJsonString() : null;
        }
        var kind = scalar.GetValueKind();
        return column.Type switch
        {
            "string" => JsonDoc.Scalar(scalar),
            "integer" when kind == JsonValueKind.Number => (long)scalar.GetValue<double>(),
            "number" when kind == JsonValueKind.Number => scalar.GetValue<double>(),
            "boolean" when kind is JsonValueKind.True or JsonValueKind.False => kind == JsonValueKind.True,
            "date" when kind == JsonValueKind.String => Age(scalar.GetValue<string>()),
            _ => null,
        };
    }

    private static string Age(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? HumanDuration.Format(DateTimeOffset.UtcNow - at)
            : "<invalid>";
}
