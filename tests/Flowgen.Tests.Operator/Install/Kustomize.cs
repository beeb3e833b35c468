using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;
using Flowgen.Tests.Operator.Api;
using Flowgen.Tests.Operator.Tools;

namespace Flowgen.Tests.Operator.Install;

/// <summary>The real <c>kubectl kustomize</c> over a directory of config/.</summary>
internal static class Kustomize
{
    public static async Task<string> RenderYamlAsync(string directory)
    {
        var result = await ExternalTool.RunAsync("kubectl", "install kubectl (https://kubernetes.io/docs/tasks/tools/)",
            "kustomize", Path.Combine(RepoFiles.Root, "config", directory));
        Assert.True(result.ExitCode == 0, $"kubectl kustomize config/{directory} failed: {result.Output}");
        return result.Stdout;
    }

    public static async Task<IReadOnlyList<JsonObject>> RenderAsync(string directory) =>
        YamlJson.ParseAll(await RenderYamlAsync(directory));
}
