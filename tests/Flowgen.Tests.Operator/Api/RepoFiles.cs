using System.Runtime.CompilerServices;

namespace Flowgen.Tests.Operator.Api;

/// <summary>Files of the repository, found from this source file (test binaries may be built elsewhere).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string CrdFile => Path.Combine(Root, "crds", Flowgen.Operator.Api.TrafficFlowCrd.FileName);

    /// <summary>The sample TrafficFlows (config/samples, without its kustomization.yaml).</summary>
    public static IEnumerable<string> Samples => Directory.EnumerateFiles(Path.Combine(Root, "config", "samples"), "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml").Order();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        for (var dir = Path.GetDirectoryName(source); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Flowgen.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no Flowgen.sln above {source}");
    }
}
