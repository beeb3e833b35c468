using System.Text.RegularExpressions;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// What Grafana's Prometheus data source puts in place of <c>$name</c> and <c>${name}</c> before it sends a
/// query: the given values, and an error for any variable it was not given (so a typo cannot slip through).
/// </summary>
public sealed partial class GrafanaVariables(IReadOnlyDictionary<string, string> values)
{
    [GeneratedRegex(@"\$\{(?<name>\w+)(?::\w+)?\}|\$(?<name>\w+)")]
    private static partial Regex Reference();

    public string Substitute(string expression) =>
        Reference().Replace(expression, m => values.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"`{expression}` uses ${m.Groups["name"].Value}, which the test does not set"));

    /// <summary>
    /// One selected value of a multi-value or include-all variable, as Grafana writes it into a
    /// query: regex metacharacters escaped for a PromQL string (prometheusSpecialRegexEscape).
    /// </summary>
    public static string RegexValue(string value) =>
        SpecialCharacter().Replace(value.Replace(@"\", @"\\\\", StringComparison.Ordinal), @"\\$0");

    [GeneratedRegex(@"[$^*{}\[\]'+?.()|]")]
    private static partial Regex SpecialCharacter();
}
