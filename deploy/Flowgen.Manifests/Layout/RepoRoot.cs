namespace Flowgen.Manifests.Layout;

/// <summary>The repository root: the directory holding Flowgen.sln.</summary>
public static class RepoRoot
{
    public static string Find(string start)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Flowgen.sln")))
                return dir;
        }
        throw new InvalidOperationException($"no Flowgen.sln above {start}");
    }
}
