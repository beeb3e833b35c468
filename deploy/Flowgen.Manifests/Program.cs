using Flowgen.Manifests.Layout;

namespace Flowgen.Manifests;

/// <summary>`flowgen-manifests write|check [REPO]`: writes, or checks, the chart and the kustomize tree.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is not [("write" or "check") and var command, .. var rest] || rest.Length > 1)
        {
            Console.Error.WriteLine("usage: flowgen-manifests write|check [REPO]  (REPO: the repository root, default: above the current directory)");
            return 2;
        }
        string root = rest is [var given] ? Path.GetFullPath(given) : RepoRoot.Find(Directory.GetCurrentDirectory());
        var files = GeneratedFiles.Render(root);
        if (command == "write")
        {
            GeneratedTree.Write(root, files);
            Console.WriteLine($"wrote {files.Count} files");
            return 0;
        }
        var drift = GeneratedTree.Drift(root, files);
        foreach (string line in drift)
            Console.Error.WriteLine(line);
        return drift.Count == 0 ? 0 : 1;
    }
}
