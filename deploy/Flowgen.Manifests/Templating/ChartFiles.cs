namespace Flowgen.Manifests.Templating;

/// <summary>The files the chart carries beside its templates (dashboard, alert rules, CRD), by their path in the chart.</summary>
public sealed class ChartFiles(IReadOnlyDictionary<string, string> contentByChartPath)
{
    public IReadOnlyDictionary<string, string> All => contentByChartPath;

    public string Read(string chartPath) =>
        contentByChartPath.TryGetValue(chartPath, out string? content)
            ? content
            : throw new KeyNotFoundException($"the chart has no file {chartPath}");
}
