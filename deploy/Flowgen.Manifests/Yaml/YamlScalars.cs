using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flowgen.Manifests.Yaml;

/// <summary>How a string is written in YAML: plain when no YAML reader could take it for anything else, else double-quoted.</summary>
public static partial class YamlScalars
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Words YAML 1.1 readers turn into booleans or null; quoted although YAML 1.2 would not need it.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
    };

    public static string Format(string text) => IsPlain(text) ? text : Quote(text);

    public static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    private static bool IsPlain(string text) =>
        SafePlain().IsMatch(text) && !Keywords.Contains(text) && !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '.');

    [GeneratedRegex(@"^[A-Za-z0-9_./-][A-Za-z0-9_./:@=+-]*$")]
    private static partial Regex SafePlain();
}
