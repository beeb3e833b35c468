using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Clients;
using Flowgen.Operator.Api;
using Flowgen.Tests.Operator.Api;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

/// <summary>
/// The base of the tests that drive the emulator with the real kubectl (which must be installed; these tests fail,
/// not skip, without it). kubectl gets a fresh kubeconfig, cache and HOME per test. Applies pass
/// <see cref="Kubectl.NoValidation"/> because the emulator serves no OpenAPI documents for client-side validation;
/// the emulator still validates TrafficFlows against the CRD schema.
/// </summary>
public abstract class KubectlTests : EmulatorTest, IDisposable
{
    /// <summary>The flow that <see cref="SampleFile"/> declares.</summary>
    protected const string SampleFlow = "udp-basic";

    /// <summary>How long to wait for something that should happen promptly; a safety net, not a measurement.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string manifests = Directory.CreateTempSubdirectory("flowgen-kubectl-manifests-").FullName;

    protected Kubectl Kubectl { get; private set; } = null!;

    protected static string SampleFile => Path.Combine(RepoFiles.Root, "config", "samples", $"{SampleFlow}.yaml");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Kubectl = Kubectl.For(Emulator);
    }

    public void Dispose()
    {
        Kubectl?.Dispose();
        Directory.Delete(manifests, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected Task<KubectlResult> ApplyAsync(string file) => Kubectl.RunAsync("apply", Kubectl.NoValidation, "-f", file);

    protected Task<KubectlResult> ApplyCrdAsync() => ApplyAsync(RepoFiles.CrdFile);

    /// <summary>The CRD and the sample flow, as a user would install them.</summary>
    protected async Task ApplyCrdAndSampleAsync()
    {
        await ApplyCrdAsync();
        await ApplyAsync(SampleFile);
    }

    /// <summary>Writes a manifest to a file of this test and returns its path.</summary>
    protected string WriteManifest(string name, string yaml)
    {
        var path = Path.Combine(manifests, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    protected Task<JsonObject> GetFlowAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(TrafficFlow.Group, TrafficFlow.Version, "default",
            TrafficFlow.Plural, name);

    /// <summary>Sets status fields through the status subresource, as the operator does.</summary>
    protected Task PatchFlowStatusAsync(string name, string statusJson) =>
        Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch($$"""{"status": {{statusJson}}}""", V1Patch.PatchType.MergePatch),
            TrafficFlow.Group, TrafficFlow.Version, "default", TrafficFlow.Plural, name);

    protected Task PatchFlowAsync(string name, string patchJson) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patchJson, V1Patch.PatchType.MergePatch),
            TrafficFlow.Group, TrafficFlow.Version, "default", TrafficFlow.Plural, name);

    /// <summary>Waits until kubectl has opened a watch on trafficflows (it has listed and is now waiting for changes).</summary>
    protected async Task WaitForFlowWatchAsync(Func<string, bool>? queryMatches = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Emulator.Requests.Any(r => r.Method == "GET" && r.Path.EndsWith("/trafficflows", StringComparison.Ordinal)
                   && r.Query.Contains("watch=true", StringComparison.Ordinal) && (queryMatches?.Invoke(r.Query) ?? true)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"kubectl opened no watch on trafficflows; requests:\n{string.Join('\n', Emulator.Requests)}");
            }
            await Task.Delay(20);
        }
    }
}
