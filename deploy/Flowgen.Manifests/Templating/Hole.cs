namespace Flowgen.Manifests.Templating;

/// <summary>
/// A place in a manifest that the chart fills from its values and kustomize fills with their
/// defaults. Holes travel inside the manifest tree as marked strings, so one tree renders both ways.
/// </summary>
public abstract record Hole
{
    /// <summary>Starts every hole's string; a private-use character no real manifest contains.</summary>
    private const char Mark = '\uE000';
    private const string BlockTag = "block:";
    private const string YamlFileTag = "yamlfile:";
    private const string TextFileTag = "textfile:";

    /// <summary>The release's namespace: the chart's <c>.Release.Namespace</c>, kustomize's default namespace.</summary>
    public const string ReleaseNamespace = ".Release.Namespace";

    /// <summary>
    /// A scalar made of text and <c>{values.path}</c> references, e.g. <c>"{operator.image.repository}:{operator.image.tag}"</c>.
    /// A hole that is one reference alone takes that value's type (a number stays a number).
    /// </summary>
    public static string Text(string format) => $"{Mark}{format}";

    /// <summary>The value at <paramref name="path"/>, whatever its type.</summary>
    public static string Value(string path) => Text($"{{{path}}}");

    /// <summary>A whole map or list from the values (resources, tolerations, labels).</summary>
    public static string Block(string path) => $"{Mark}{BlockTag}{path}";

    /// <summary>A YAML file of the chart, embedded as this node's content.</summary>
    public static string YamlFile(string chartPath) => $"{Mark}{YamlFileTag}{chartPath}";

    /// <summary>A text file of the chart, embedded as this string (a literal block).</summary>
    public static string TextFile(string chartPath) => $"{Mark}{TextFileTag}{chartPath}";

    /// <summary>The hole a string stands for, or null for plain text.</summary>
    public static Hole? Read(string text)
    {
        if (text.Length == 0 || text[0] != Mark)
            return null;
        string body = text[1..];
        if (body.StartsWith(BlockTag, StringComparison.Ordinal))
            return new BlockHole(body[BlockTag.Length..]);
        if (body.StartsWith(YamlFileTag, StringComparison.Ordinal))
            return new FileHole(body[YamlFileTag.Length..], IsYaml: true);
        if (body.StartsWith(TextFileTag, StringComparison.Ordinal))
            return new FileHole(body[TextFileTag.Length..], IsYaml: false);
        return new TextHole(TextHole.Split(body));
    }
}

/// <summary>Text with value references; see <see cref="Hole.Text"/>.</summary>
public sealed record TextHole(IReadOnlyList<TextPart> Parts) : Hole
{
    /// <summary>The one value reference this hole consists of, or null when it mixes in text.</summary>
    public string? SoleReference => Parts is [{ IsReference: true } only] ? only.Text : null;

    internal static IReadOnlyList<TextPart> Split(string format)
    {
        var parts = new List<TextPart>();
        int at = 0;
        while (at < format.Length)
        {
            int open = format.IndexOf('{', at);
            if (open < 0)
            {
                parts.Add(new TextPart(format[at..], IsReference: false));
                break;
            }
            int close = format.IndexOf('}', open);
            if (close < 0)
                throw new FormatException($"unclosed reference in '{format}'");
            if (open > at)
                parts.Add(new TextPart(format[at..open], IsReference: false));
            parts.Add(new TextPart(format[(open + 1)..close], IsReference: true));
            at = close + 1;
        }
        return parts;
    }
}

/// <summary>Literal text, or the path of a value (<see cref="Hole.ReleaseNamespace"/> included).</summary>
public sealed record TextPart(string Text, bool IsReference);

/// <summary>See <see cref="Hole.Block"/>.</summary>
public sealed record BlockHole(string Path) : Hole;

/// <summary>See <see cref="Hole.YamlFile"/> and <see cref="Hole.TextFile"/>.</summary>
public sealed record FileHole(string ChartPath, bool IsYaml) : Hole;
