namespace Flowgen.KubeEmulator.Clients;

/// <summary>
/// Reads kubectl's human-readable table output (<c>kubectl get</c>): cells are cut at the positions of the header's
/// columns (kubectl pads columns with at least three spaces, so a header such as <c>CREATED AT</c> stays one column),
/// and empty cells read as "" instead of shifting the rest of the row. Only for one table printed at once: the rows
/// that <c>kubectl get -w</c> prints later are laid out on their own and need not line up with its header.
/// </summary>
public static class KubectlTable
{
    /// <summary>One dictionary per row, keyed by column header (NAME, PHASE, AGE, …).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string output) =>
        Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return [];
        var columns = HeaderColumns(lines[0]);
        return lines.Skip(1).Select(line => Row(columns, line)).ToList();
    }

    private static List<(string Name, int Start)> HeaderColumns(string header)
    {
        var starts = Enumerable.Range(0, header.Length)
            .Where(i => header[i] != ' ' && (i == 0 || (i >= 2 && header[i - 1] == ' ' && header[i - 2] == ' ')))
            .ToList();
        return starts.Select((start, c) =>
            (header[start..(c + 1 < starts.Count ? starts[c + 1] : header.Length)].Trim(), start)).ToList();
    }

    private static Dictionary<string, string> Row(List<(string Name, int Start)> columns, string line)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < columns.Count; c++)
        {
            var start = Math.Min(columns[c].Start, line.Length);
            var end = c + 1 < columns.Count ? Math.Min(columns[c + 1].Start, line.Length) : line.Length;
            row[columns[c].Name] = line[start..end].Trim();
        }
        return row;
    }
}
