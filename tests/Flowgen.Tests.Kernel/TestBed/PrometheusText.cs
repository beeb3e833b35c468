using System.Globalization;
using System.Text;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Reading the Prometheus text exposition format (what a /metrics endpoint serves).</summary>
public static class PrometheusText
{
    /// <summary>Every sample line; comments (# HELP, # TYPE) and blank lines are skipped.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(ParseLine)
            .ToList();

    /// <summary>The samples named <paramref name="name"/>.</summary>
    public static IReadOnlyList<PrometheusSample> Named(this IEnumerable<PrometheusSample> samples, string name) =>
        samples.Where(sample => sample.Name == name).ToList();

    /// <summary>The value of the one sample named <paramref name="name"/>; throws with the text when there is none or several.</summary>
    public static double Single(string text, string name)
    {
        var matches = Parse(text).Named(name);
        return matches.Count == 1
            ? matches[0].Value
            : throw new InvalidOperationException($"expected one sample of {name}, found {matches.Count}\n{text}");
    }

    // name{a="x",b="y\"z"} value [timestamp]
    static PrometheusSample ParseLine(string line)
    {
        var nameEnd = line.IndexOfAny(['{', ' ', '\t']);
        if (nameEnd <= 0)
            throw new FormatException($"not a sample line: {line}");
        var name = line[..nameEnd];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = nameEnd;
        if (line[nameEnd] == '{')
            rest = ParseLabels(line, nameEnd + 1, labels);
        var fields = line[rest..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 1 or > 2)
            throw new FormatException($"not a sample line: {line}");
        return new PrometheusSample(name, labels, ParseValue(fields[0]));
    }

    /// <summary>Reads labels from just after '{' to '}'; returns the index after '}'.</summary>
    static int ParseLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (true)
        {
            while (at < line.Length && line[at] is ' ' or ',')
                at++;
            if (at < line.Length && line[at] == '}')
                return at + 1;
            var equals = line.IndexOf('=', at);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
                throw new FormatException($"bad labels in: {line}");
            var labelName = line[at..equals].Trim();
            var value = new StringBuilder();
            at = equals + 2;
            for (; at < line.Length && line[at] != '"'; at++)
            {
                if (line[at] == '\\' && at + 1 < line.Length)
                {
                    at++;
                    value.Append(line[at] == 'n' ? '\n' : line[at]);
                }
                else
                {
                    value.Append(line[at]);
                }
            }
            if (at >= line.Length)
                throw new FormatException($"unterminated label value in: {line}");
            labels[labelName] = value.ToString();
            at++;
        }
    }

    public static double ParseValue(string text) => text switch
    {
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
