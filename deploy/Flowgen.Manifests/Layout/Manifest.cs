using System.Text.Json.Nodes;

namespace Flowgen.Manifests.Layout;

/// <summary>
/// One object of the install, with holes for the chart's values. <paramref name="KustomizeFile"/> is its
/// file under config/; <paramref name="ChartTemplate"/> its file under the chart's templates/ (null: kustomize
/// only); <paramref name="EnabledBy"/> the boolean value that switches it on in the chart.
/// </summary>
public sealed record Manifest(string KustomizeFile, string? ChartTemplate, JsonObject Tree, string? EnabledBy = null);
