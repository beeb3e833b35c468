using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Api;

/// <summary>
/// spec.udp's sizes, ranges, flow order, VLAN and stamping become the job `flowgen udp` parses from the
/// matching command line (the oracle: the agent's own parser of the CLI syntax the README documents),
/// and a value the agent would refuse is refused by its spec field's name.
/// </summary>
public class FlowJobsFlowOptionsTests
{
    public static TheoryData<string, Action<UdpFlow>, string> Fields => new()
    {
        { "packetSizes", udp => udp.PacketSizes = [new() { Size = 1518, Weight = 1 }, new() { Size = 64, Weight = 7 }], "-s 64:7,1518:1" },
        { "packetSizes weight default", udp => udp.PacketSizes = [new() { Size = 64 }, new() { Size = 594 }], "-s 64:1,594:1" },
        { "sizeProfile", udp => udp.SizeProfile = SizeProfile.Imix, "-s imix" },
        { "dstAddress range", udp => udp.DstAddress = "198.18.0.2-198.18.0.9", "-a 198.18.0.2-198.18.0.9" },
        { "dstAddress prefix", udp => udp.DstAddress = "198.18.1.0/24", "-a 198.18.1.0/24" },
        { "srcAddress range", udp => udp.SrcAddress = "198.18.0.16/30", "-A 198.18.0.16-198.18.0.19" },
        { "srcEndPort", udp => (udp.SrcPort, udp.SrcEndPort) = (40000, 40003), "-P 40000-40003" },
        { "dstEndPort", udp => (udp.DstPort, udp.DstEndPort) = (5000, 5009), "-p 5000-5009" },
        { "dstEndPort = dstPort", udp => (udp.DstPort, udp.DstEndPort) = (5000, 5000), "-p 5000" },
        { "flowOrder", udp => (udp.DstEndPort, udp.FlowOrder) = (100, FlowOrder.Random), "-p 9-100 --flow-order random" },
        { "vlan", udp => udp.Vlan = new VlanTagSpec { Id = 100, Priority = 5 }, "--vlan 100:5" },
        { "vlan without priority", udp => udp.Vlan = new VlanTagSpec { Id = 4094 }, "--vlan 4094" },
        { "stamp", udp => (udp.Stamp, udp.PacketSize) = (true, 86), "--stamp -s 86" },
        { "stamp with latency", udp => (udp.Stamp, udp.Latency, udp.PacketSize) = (true, true, 86), "--latency -s 86" },
    };

    public static TheoryData<string, Action<UdpFlow>, string> Refusals => new()
    {
        { "dstAddress backwards", udp => udp.DstAddress = "198.18.0.9-198.18.0.2", "spec.udp.dstAddress" },
        { "dstAddress IPv6 past a /96", udp => udp.DstAddress = "2001:db8::1-2001:db9::1", "spec.udp.dstAddress" },
        { "srcAddress prefix too short", udp => udp.SrcAddress = "198.18.0.0/33", "spec.udp.srcAddress" },
        { "srcEndPort below srcPort", udp => (udp.SrcPort, udp.SrcEndPort) = (1000, 999), "spec.udp.srcEndPort 999 is below spec.udp.srcPort 1000" },
        { "dstEndPort below dstPort", udp => (udp.DstPort, udp.DstEndPort) = (1000, 10), "spec.udp.dstEndPort 10 is below spec.udp.dstPort 1000" },
        { "dstEndPort with dynamicPorts", udp => (udp.DstEndPort, udp.DynamicPorts) = (100, 5), "spec.udp.dstEndPort and spec.udp.dynamicPorts" },
        { "packetSize and sizeProfile", udp => (udp.PacketSize, udp.SizeProfile) = (64, SizeProfile.Imix), "spec.udp.sizeProfile" },
        { "one size in packetSizes", udp => udp.PacketSizes = [new() { Size = 64 }], "spec.udp.packetSizes 64:1 lists 1 sizes" },
        { "a size twice", udp => udp.PacketSizes = [new() { Size = 64 }, new() { Size = 64, Weight = 2 }], "spec.udp.packetSizes 64:1,64:2 lists size 64 twice" },
        { "64 over IPv6", udp => (udp.DstAddress, udp.PacketSizes) = ("2001:db8::2", [new() { Size = 64 }, new() { Size = 128 }]), "spec.udp.packetSizes 64:1,128:1: size 64 is outside 66" },
        { "weight 0", udp => udp.PacketSizes = [new() { Size = 64, Weight = 0 }, new() { Size = 128 }], "spec.udp.packetSizes 64:0,128:1: weight 0" },
        { "vlan ID 0", udp => udp.Vlan = new VlanTagSpec { Id = 0 }, "spec.udp.vlan 0: the VLAN ID must be 1 to 4094" },
        { "vlan priority 8", udp => udp.Vlan = new VlanTagSpec { Id = 1, Priority = 8 }, "spec.udp.vlan 1:8" },
        { "a tag in a 66-byte IPv6 frame", udp => (udp.DstAddress, udp.Vlan, udp.PacketSize) = ("2001:db8::2", new VlanTagSpec { Id = 1 }, 66), "with an 802.1Q tag spec.udp.packetSize must be at least 70" },
        { "stamp in a 64-byte frame", udp => (udp.Stamp, udp.PacketSize) = (true, 64), "spec.udp.stamp writes a" },
        { "stamp in IMIX", udp => (udp.Stamp, udp.SizeProfile) = (true, SizeProfile.Imix), "give a list such as spec.udp.packetSizes 86:7,594:4,1518:1" },
        { "stamp of too many flows", udp => (udp.Stamp, udp.PacketSize, udp.DstAddress, udp.SrcEndPort) = (true, 86, "198.18.0.0/16", 10), "spec.udp.stamp numbers at most 65536 flows" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_field_reaches_the_agents_arguments_as_the_cli_would_give_it(string field, Action<UdpFlow> set, string cli)
    {
        var spec = Spec(set);

        var job = spec.ToUdpJob("eth0");

        var args = cli.Split(' ').ToList();
        if (!args.Contains("-a"))
        {
            args.InsertRange(0, ["-a", "198.18.0.2"]);
        }

        var expected = UdpJob.Parse([.. args, "-n", "1000", "eth0"]);
        Assert.True(expected.Equals(job), $"{field}: {job} is not {expected}");
        Assert.Equal(expected.ToArguments(), job.ToArguments());
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_value_the_agent_refuses_is_refused_by_its_spec_field(string what, Action<UdpFlow> set, string expected)
    {
        var spec = Spec(set);

        var refusal = Assert.Throws<UsageException>(() => spec.ToUdpJob("eth0"));

        Assert.True(refusal.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {refusal.Message}");
        Assert.DoesNotContain(" -", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flows_sample_sends_every_field_it_sets()
    {
        var job = SampleFlows.Load(SampleFlows.PathOf("udp-flows.yaml")).Spec.ToUdpJob("ens1f0");

        Assert.Equal(
            ["--dst-addr", "198.19.7.0-198.19.7.255", "--src-addr", "198.18.0.16-198.18.0.23", "--dst-port", "5000",
             "--src-port", "40000-40003", "--dyn-ports", "8", "--flow-order", "random", "--vlan", "100:5", "--duration", "5m",
             "--pkt-size", "90:7,594:4,1518:1", "--stamp", "ens1f0"],
            job.ToArguments());
        Assert.Equal(65536, job.FlowCount);
    }

    private static TrafficFlowSpec Spec(Action<UdpFlow> set)
    {
        var udp = new UdpFlow { DstAddress = "198.18.0.2" };
        set(udp);
        return new TrafficFlowSpec { Udp = udp, Packets = 1000 };
    }
}
