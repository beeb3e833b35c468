namespace Flowgen.Manifests.Layout;

/// <summary>The generated files on disk: writing them, and what differs from what would be generated.</summary>
public static class GeneratedTree
{
    public static void Write(string root, IReadOnlyDictionary<string, string> files)
    {
        foreach (string stale in StaleChartFiles(root, files))
            File.Delete(Path.Combine(root, stale));
        foreach (var (path, content) in files)
        {
            string full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    /// <summary>One line per file that is missing, differs, or lies in the chart without being generated.</summary>
    public static IReadOnlyList<string> Drift(string root, IReadOnlyDictionary<string, string> files)
    {
        var drift = new List<string>();
        foreach (var (path, content) in files)
        {
            string full = Path.Combine(root, path);
            if (!File.Exists(full))
                drift.Add($"{path}: missing");
            else if (File.ReadAllText(full) != content)
                drift.Add($"{path}: differs from what deploy/Flowgen.Manifests generates");
        }
        drift.AddRange(StaleChartFiles(root, files).Select(p => $"{p}: not generated (the whole chart is)"));
        if (drift.Count > 0)
            drift.Add("run scripts/generate-manifests.sh and commit the result");
        return drift;
    }

    private static List<string> StaleChartFiles(string root, IReadOnlyDictionary<string, string> files)
    {
        string chart = Path.Combine(root, GeneratedFiles.ChartDirectory);
        if (!Directory.Exists(chart))
            return [];
        return Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !files.ContainsKey(p))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
