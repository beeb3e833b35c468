namespace Flowgen.Manifests.Objects;

/// <summary>The alert rules (a Prometheus rules file, tested with promtool): a PrometheusRule's spec as it is.</summary>
internal static class AlertRulesFile
{
    public const string ChartFile = "rules/flowgen-alerts.rules.yaml";
    public const string SourceFile = "config/prometheus/flowgen-alerts.rules.yaml";
}
