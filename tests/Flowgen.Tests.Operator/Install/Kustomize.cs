using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;
using Flowgen.Tests.Operator.Api;
using Flowgen.Tests.Operator.Tools;

namespace Flowgen.Tests.Operator.Install;

/// <summary>The real <c>kubectl kustomize</c> over a directory of config/, run once per directory per test run.</summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Rendered = new();

    public static Task<string> RenderYamlAsync(string directory) =>
        Rendered.GetOrAdd(directory, d => new Lazy<Task<string>>(() => RunAsync(d))).Value;

    public static async Task<IReadOnlyList<JsonObject>> RenderAsync(string directory) =>
        YamlJson.ParseAll(await RenderYamlAsync(directory));

    private static async Task<string> RunAsync(string directory)
    {
        var result = await ExternalTool.RunAsync("kubectl", "install kubectl (https://kubernetes.io/docs/tasks/tools/)",
            "kustomize", Path.Combine(RepoFiles.Root, "config", directory));
        Assert.True(result.ExitCode == 0, $"kubectl kustomize config/{directory} failed: {result.Output}");
        return result.Stdout;
    }
}
