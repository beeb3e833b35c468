using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Tables;

/// <summary>
/// One column of a <c>meta.k8s.io/v1 Table</c>, as a CRD's <c>additionalPrinterColumns</c> entry declares it
/// (<c>type</c> is string, integer, number, boolean or date; <c>priority</c> above 0 shows only with <c>-o wide</c>).
/// </summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", string Format = "",
    int Priority = 0)
{
    public static readonly PrinterColumn Age = new("Age", "date", ".metadata.creationTimestamp",
        "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public static readonly PrinterColumn Status = new("Status", "string", ".status.phase", "The phase of the object.");

    /// <summary>The columns a CRD version declares; a version that declares none gets Age, as on the real server.</summary>
    public static IReadOnlyList<PrinterColumn> FromCrdVersion(JsonObject version)
    {
        if (version["additionalPrinterColumns"] is not JsonArray declared) return [Age];
        return declared.OfType<JsonObject>().Select(c => new PrinterColumn(
            JsonDoc.String(c, "name") ?? "",
            JsonDoc.String(c, "type") ?? "string",
            JsonDoc.String(c, "jsonPath") ?? "",
            JsonDoc.String(c, "description") ?? "",
            JsonDoc.String(c, "format") ?? "",
            (int)JsonDoc.Long(c, "priority"))).ToList();
    }
}
