using System.Runtime.CompilerServices;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>Files of the repository, found from this source file (the test binaries may be built elsewhere).</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    static string FindRoot([CallerFilePath] string source = "")
    {
        for (var dir = System.IO.Path.GetDirectoryName(source); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "Flowgen.sln")))
                return dir;
        }
        throw new InvalidOperationException($"no Flowgen.sln above {source}");
    }
}
