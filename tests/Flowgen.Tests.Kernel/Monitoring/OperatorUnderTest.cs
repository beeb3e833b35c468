using Flowgen.KubeEmulator;
using Flowgen.Operator.Api;
using Flowgen.Tests.Kernel.TestBed;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// <c>flowgen-operator run</c> as a child process in a test namespace, serving /metrics on that namespace's
/// loopback, against the in-process API emulator (with the TrafficFlow CRD and one Ready node), which it
/// reaches through a <see cref="LoopbackForwarder"/>. Disposing stops the operator, then the emulator.
/// </summary>
public sealed class OperatorUnderTest : IAsyncDisposable
{
    const string FlowNamespace = "default";

    readonly KubeApiEmulator _emulator;
    readonly Kubernetes _client;
    readonly LoopbackForwarder _forwarder;
    readonly OperatorProcess _process;

    OperatorUnderTest(KubeApiEmulator emulator, Kubernetes client, LoopbackForwarder forwarder, OperatorProcess process, int port)
    {
        _emulator = emulator;
        _client = client;
        _forwarder = forwarder;
        _process = process;
        Port = port;
    }

    /// <summary>The port of /healthz and /metrics in the namespace.</summary>
    public int Port { get; }

    public static async Task<OperatorUnderTest> StartAsync(string ns, string node)
    {
        var emulator = await KubeApiEmulator.StartAsync();
        var client = emulator.CreateClient();
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TrafficFlowCrd.Build());
        await client.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = node },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] },
        });
        var forwarder = LoopbackForwarder.Start(ns, emulator.BaseAddress.Port);
        var port = FreePort.OnLoopback(ns);
        var process = OperatorProcess.Start(ns, new Uri($"http://127.0.0.1:{forwarder.Port}/"), FlowNamespace, "dashboard-test", port);
        return new OperatorUnderTest(emulator, client, forwarder, process, port);
    }

    /// <summary>Creates a TrafficFlow with one agent on <paramref name="node"/>, for the operator to reconcile.</summary>
    public Task CreateFlowAsync(string name, string node) =>
        _client.CustomObjects.CreateNamespacedCustomObjectAsync(new TrafficFlow
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = FlowNamespace },
            Spec = new TrafficFlowSpec
            {
                Mode = FlowMode.Udp,
                Agents = new AgentPlacement { Targets = [new AgentTarget { Node = node, Interface = "eth1" }] },
                Udp = new UdpFlow { DstAddress = "198.18.0.2" },
                Packets = 1000,
            },
        }, TrafficFlow.Group, TrafficFlow.Version, FlowNamespace, TrafficFlow.Plural);

    public string Describe() => _process.Describe();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _forwarder.DisposeAsync();
        _client.Dispose();
        await _emulator.DisposeAsync();
    }
}
