using System.Text.RegularExpressions;

namespace Flowgen.KubeEmulator.Selectors;

/// <summary>A parsed <c>labelSelector</c> query: equality- and set-based requirements, all of which must hold.</summary>
internal sealed partial class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> requirements = [];

    public static readonly LabelSelector Everything = new();

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        foreach (var part in SplitTopLevel(text))
        {
            selector.requirements.Add(ParseRequirement(part.Trim()));
        }
        return selector;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        if (SetRegex().Match(text) is { Success: true } set)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return set.Groups["op"].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }
        if (EqualityRegex().Match(text) is { Success: true } eq)
        {
            var key = eq.Groups["key"].Value;
            var value = eq.Groups["value"].Value.Trim();
            return eq.Groups["op"].Value == "!="
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }
        if (ExistsRegex().Match(text) is { Success: true } exists)
        {
            var key = exists.Groups["key"].Value;
            return exists.Groups["not"].Success ? labels => !labels.ContainsKey(key) : labels => labels.ContainsKey(key);
        }
        throw Api.Errors.BadRequest($"unable to parse requirement: \"{text}\"");
    }

    /// <summary>Splits on commas that are not inside the parentheses of an in/notin value set.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private const string Key = @"(?<key>[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?)";

    [GeneratedRegex(@"^" + Key + @"\s+(?<op>in|notin)\s*\((?<values>[^)]*)\)$")]
    private static partial Regex SetRegex();

    [GeneratedRegex(@"^" + Key + @"\s*(?<op>==|=|!=)\s*(?<value>[-A-Za-z0-9_.]*)$")]
    private static partial Regex EqualityRegex();

    [GeneratedRegex(@"^(?<not>!)?\s*" + Key + "$")]
    private static partial Regex ExistsRegex();
}
