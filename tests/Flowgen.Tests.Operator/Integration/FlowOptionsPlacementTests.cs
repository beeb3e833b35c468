using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>
/// A TrafficFlow with sizes, ranges, flow order, VLAN and stamping, created through the CRD (pruning,
/// defaults, validation) and placed by the running operator: its agent pods run exactly that job.
/// </summary>
public sealed class FlowOptionsPlacementTests : OperatorTest
{
    [Fact]
    public async Task The_agent_pods_run_the_job_of_every_field()
    {
        var flow = TwoNodeFlow("mix");
        flow.Spec.Udp = new UdpFlow
        {
            DstAddress = "198.18.1.0/28",
            SrcAddress = "198.18.0.16-198.18.0.17",
            SrcPort = 40000,
            SrcEndPort = 40001,
            DstPort = 5000,
            DstEndPort = 5003,
            FlowOrder = FlowOrder.Random,
            PacketSizes = [new() { Size = 90, Weight = 7 }, new() { Size = 1518 }],
            Vlan = new VlanTagSpec { Id = 100, Priority = 5 },
            Stamp = true,
        };
        await CreateAsync(flow);

        var pods = await Until(() => PodsOf("mix"), p => p.Count == 2, "two agent pods");

        foreach (var pod in pods)
        {
            var args = pod.Spec.Containers[0].Args;
            var job = Assert.IsType<UdpJob>(AgentOptions.Parse([.. args.Skip(1)]).Job);
            string mac = ValueFormat.Mac(job.DestinationMac!);
            var expected = UdpJob.Parse(
            [
                "-a", "198.18.1.0/28", "-A", "198.18.0.16-198.18.0.17", "-P", "40000-40001", "-p", "5000-5003", "--flow-order", "random",
                "-s", "90:7,1518:1", "--vlan", "100:5", "--stamp", "-m", mac, "-n", "1000", "eth1",
            ]);
            Assert.Equal(expected, job);
            Assert.Equal(expected.ToArguments(), args.SkipWhile(arg => arg != "udp").Skip(1));
        }
    }

    [Fact]
    public async Task A_flow_the_schema_admits_but_the_agent_would_refuse_fails_naming_the_field_and_places_no_pod()
    {
        var flow = TwoNodeFlow("small");
        flow.Spec.Udp = new UdpFlow { DstAddress = "198.18.0.2", PacketSize = 64, Stamp = true };
        await CreateAsync(flow);

        var failed = await Until(() => Flows.GetAsync(Ns, "small", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Failed, "Failed");

        Assert.Contains("spec.udp.stamp", failed!.Status!.Message, StringComparison.Ordinal);
        Assert.Contains("spec.udp.packetSize 86", failed.Status.Message, StringComparison.Ordinal);
        Assert.Empty(await PodsOf("small"));
    }
}
