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
    /// The selected values of a multi-value or include-all variable, as Grafana writes them into a
    /// query: each with its regex metacharacters escaped for a PromQL string (prometheusSpecialRegexEscape),
    /// several as an alternation, <c>(a|b)</c>.
    /// </summary>
    public static string RegexValue(params IReadOnlyList<string> values) =>
        values.Count == 1 ? Escape(values[0]) : $"({string.Join('|', values.Select(Escape))})";

    static string Escape(string value) =>
        SpecialCharacter().Replace(value.Replace(@"\", @"\\\\", StringComparison.Ordinal), @"\\$0");

    [GeneratedRegex(@"[$^*{}\[\]'+?.()|]")]
    private static partial Regex SpecialCharacter();
}
