using Flowgen.KubeEmulator;
using Flowgen.KubeEmulator.Clients;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// A one-node cluster on this machine, installed as a user would: the API emulator; with the real
/// kubectl, the TrafficFlow CRD and the operator's and the flows' namespaces; a <see cref="LocalKubelet"/>
/// whose node (labelled <c>flowgen.dev/generator=true</c>, as the samples select) is the bed's generator
/// namespace; and the operator binary. Disposing stops and removes all of it.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string FlowNamespace = "traffic";
    public const string OperatorNamespace = "flowgen-system";
    public const string NodeName = "node-1";
    static readonly Dictionary<string, string> GeneratorNode = new() { ["flowgen.dev/generator"] = "true" };

    readonly KubeApiEmulator _emulator;

    LocalCluster(KubeApiEmulator emulator, Kubectl kubectl, LocalKubelet kubelet, OperatorProcess flowgenOperator)
    {
        _emulator = emulator;
        Kubectl = kubectl;
        Kubelet = kubelet;
        Operator = flowgenOperator;
    }

    /// <summary>kubectl for this cluster, the flows' namespace its default.</summary>
    public Kubectl Kubectl { get; }

    public LocalKubelet Kubelet { get; }

    public OperatorProcess Operator { get; }

    public static async Task<LocalCluster> StartAsync(VethTestBed bed)
    {
        var emulator = await KubeApiEmulator.StartAsync();
        Kubectl? kubectl = null;
        LocalKubelet? kubelet = null;
        try
        {
            kubectl = Kubectl.For(emulator, FlowNamespace);
            await kubectl.RunAsync("apply", Kubectl.NoValidation, "-f", RepoFiles.Path("crds", "flowgen.dev_trafficflows.yaml"));
            foreach (var ns in new[] { OperatorNamespace, FlowNamespace })
                await kubectl.RunAsync("create", "namespace", ns);
            kubelet = await LocalKubelet.StartAsync(emulator.BaseAddress, NodeName, bed.GeneratorNamespace, GeneratorNode);
            return new LocalCluster(emulator, kubectl, kubelet, OperatorProcess.Start(null, emulator.BaseAddress, OperatorNamespace, "e2e"));
        }
        catch
        {
            if (kubelet is not null)
                await kubelet.DisposeAsync();
            kubectl?.Dispose();
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The operator's and the kubelet's side, for failure messages.</summary>
    public string Describe() => $"--- operator ---\n{Operator.Describe()}\n--- local kubelet ---\n{Kubelet.Describe()}";

    /// <summary>Stops the operator with SIGTERM (returns its exit code), then the kubelet.</summary>
    public async Task<int> StopAsync()
    {
        var exitCode = await Operator.StopAsync();
        await Kubelet.DisposeAsync();
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Operator.DisposeAsync();
        await Kubelet.DisposeAsync();
        Kubectl.Dispose();
        await _emulator.DisposeAsync();
    }
}
