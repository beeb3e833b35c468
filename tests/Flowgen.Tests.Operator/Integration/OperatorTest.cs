using Flowgen.KubeEmulator;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Emulator;
using Flowgen.Tests.Operator.Runtime;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>
/// The operator's controller against the API emulator, with the real TrafficFlow CRD, two Ready nodes,
/// and a <see cref="FakeKubelet"/> running a simulated agent for every agent pod.
/// </summary>
public abstract class OperatorTest : EmulatorTest
{
    protected const string Ns = "default";
    private readonly bool runOperator;

    /// <param name="runOperator">Run the controller (without leader election) for the test; false: the test runs its own.</param>
    protected OperatorTest(bool runOperator = true) => this.runOperator = runOperator;

    internal RunningOperator? Running { get; private set; }

    internal FakeKubelet Kubelet { get; private set; } = null!;

    internal CustomResourceClient<TrafficFlow> Flows => new(Client, TrafficFlowResource.Info);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TrafficFlowCrd.Build());
        foreach (string node in new[] { "n1", "n2" })
            await Client.CoreV1.CreateNodeAsync(ReadyNode(node));
        Kubelet = new FakeKubelet(Client);
        if (runOperator)
            Running = new RunningOperator(Emulator.BaseAddress, Kubelet.Resolve);
    }

    public override async Task DisposeAsync()
    {
        if (Running is not null)
            await Running.DisposeAsync();
        await Kubelet.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A flow sending 1000 packets from eth1 on n1 and eth1 on n2.</summary>
    internal static TrafficFlow TwoNodeFlow(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = new TrafficFlowSpec
        {
            Mode = FlowMode.Udp,
            Agents = new AgentPlacement
            {
                Targets =
                [
                    new AgentTarget { Node = "n1", Interface = "eth1", DstMac = "aa:bb:cc:dd:ee:01" },
                    new AgentTarget { Node = "n2", Interface = "eth1", DstMac = "aa:bb:cc:dd:ee:02" },
                ],
            },
            Udp = new UdpFlow { DstAddress = "198.18.0.2" },
            Packets = 1000,
        },
    };

    internal Task<TrafficFlow> CreateAsync(TrafficFlow flow) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<TrafficFlow>(flow, TrafficFlow.Group, TrafficFlow.Version, Ns, TrafficFlow.Plural);

    internal async Task<IReadOnlyList<V1Pod>> PodsOf(string flow) =>
        (await Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: Flowgen.Operator.Agents.AgentPodLabels.SelectorFor(flow))).Items.ToList();

    /// <summary>Polls the API until <paramref name="condition"/> holds (a few seconds at most).</summary>
    internal static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Eventually.Patience;
        while (true)
        {
            T value = await read();
            if (condition(value))
                return value;
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not met in time: {what}");
            await Task.Delay(20);
        }
    }

    private static V1Node ReadyNode(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }] },
    };
}
