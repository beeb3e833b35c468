using System.Text;

namespace Flowgen.Contract;

/// <summary>Lays out a command's help: usage, summary, arguments and options in aligned columns, wrapped to 80.</summary>
public static class HelpFormatter
{
    public const int Width = 80;
    private const int Indent = 2;
    private const int Gap = 2;

    /// <param name="usage">The synopsis after "usage: ".</param>
    /// <param name="summary">One sentence on what the command does.</param>
    /// <param name="arguments">Positional arguments: name and description.</param>
    /// <param name="options">Every option, in the order to show them.</param>
    public static string Format(
        string usage,
        string summary,
        IReadOnlyList<(string Name, string Description)> arguments,
        IReadOnlyList<OptionSpec> options)
    {
        var optionRows = options.Select(o => (Left: Synopsis(o), Right: Describe(o))).ToList();
        var argumentRows = arguments.Select(a => (Left: a.Name, Right: a.Description)).ToList();
        var column = Indent + optionRows.Concat(argumentRows).Max(r => r.Left.Length) + Gap;

        var text = new StringBuilder();
        text.Append("usage: ").AppendLine(usage).AppendLine().AppendLine(summary);
        AppendSection(text, "Arguments:", argumentRows, column);
        AppendSection(text, "Options:", optionRows, column);
        return text.ToString();
    }

    private static string Synopsis(OptionSpec option)
    {
        var names = option.Short is { } letter ? $"-{letter}, --{option.Long}" : $"    --{option.Long}";
        return option.Metavar is { } metavar ? $"{names} {metavar}" : names;
    }

    private static string Describe(OptionSpec option) =>
        option.Default is { } value ? $"{option.Description} (default: {value})" : option.Description;

    private static void AppendSection(StringBuilder text, string title, List<(string Left, string Right)> rows, int column)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(title);
        foreach (var (left, right) in rows)
        {
            var line = new StringBuilder().Append(' ', Indent).Append(left);
            var lineHasWords = false;
            foreach (var word in right.Split(' '))
            {
                if (lineHasWords && line.Length + 1 + word.Length > Width)
                {
                    text.AppendLine(line.ToString());
                    line.Clear();
                    lineHasWords = false;
                }

                if (lineHasWords)
                {
                    line.Append(' ');
                }
                else
                {
                    line.Append(' ', column - line.Length);
                }

                line.Append(word);
                lineHasWords = true;
            }

            text.AppendLine(line.ToString());
        }
    }
}
