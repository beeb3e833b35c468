using System.Globalization;
using Flowgen.Contract;

namespace Flowgen.Operator.Api;

/// <summary>
/// A spec as the job one agent runs. Values go through the contract's own parsers, so the
/// operator renders exactly what the agent accepts, or learns here why it would not.
/// </summary>
public static class FlowJobs
{
    /// <summary>The job of the spec's mode for an agent on <paramref name="interfaceName"/>.</summary>
    /// <param name="dstMacOverride">The target's dstMac (mode udp), which wins over spec.udp.dstMac.</param>
    /// <exception cref="UsageException">The spec holds something the agent would refuse; the message says what.</exception>
    public static IGeneratorJob ToJob(this TrafficFlowSpec spec, string interfaceName, string? dstMacOverride = null) => spec.Mode switch
    {
        FlowMode.Tcp => spec.ToTcpJob(interfaceName),
        _ => spec.ToUdpJob(interfaceName, dstMacOverride),
    };

    /// <summary>The UDP job for an agent on <paramref name="interfaceName"/>.</summary>
    /// <param name="dstMacOverride">The target's dstMac, which wins over spec.udp.dstMac.</param>
    /// <exception cref="UsageException">The spec holds something the agent would refuse; the message says what, by spec field.</exception>
    public static UdpJob ToUdpJob(this TrafficFlowSpec spec, string interfaceName, string? dstMacOverride = null)
    {
        var udp = spec.Udp ?? throw new UsageException("spec.udp is required for mode udp");
        var (destination, destinations) = AddressRange.Parse(udp.DstAddress, "spec.udp.dstAddress");
        var job = new UdpJob
        {
            Interface = ValueParsers.InterfaceName(interfaceName),
            Destination = destination,
            DestinationCount = destinations,
            DestinationMac = (dstMacOverride ?? udp.DstMac) is { } mac ? ValueParsers.Mac(mac, "dstMac") : null,
            DestinationPort = ValueParsers.Port(Text(udp.DstPort), "spec.udp.dstPort"),
            SourcePort = ValueParsers.Port(Text(udp.SrcPort), "spec.udp.srcPort"),
            DynamicPorts = udp.DynamicPorts,
            HopLimit = (byte)ValueParsers.Integer(Text(udp.HopLimit), "spec.udp.hopLimit", 1, byte.MaxValue),
            BatchSize = udp.BatchSize,
            Payload = udp.PayloadHex is { } hex ? ValueParsers.Hex(hex, "spec.udp.payloadHex", FrameSizes.MaximumUdpPayload) : default,
            Threads = spec.Agents.Threads,
            Packets = spec.Packets,
            Rate = udp.Rate is { } rate ? ValueParsers.Rate(rate, "spec.udp.rate") : null,
            Duration = spec.Duration is { } duration ? ValueParsers.Duration(duration, "spec.duration") : null,
        };
        job = UdpFlowJobs.WithFlowOptions(job, udp);
        return UdpFlowJobs.Validated(job, udp);
    }

    /// <summary>The TCP job for an agent on <paramref name="interfaceName"/>.</summary>
    /// <exception cref="UsageException">The spec holds something the agent would refuse; the message says what.</exception>
    public static TcpJob ToTcpJob(this TrafficFlowSpec spec, string interfaceName)
    {
        var tcp = spec.Tcp ?? throw new UsageException("spec.tcp is required for mode tcp");
        var job = new TcpJob
        {
            Interface = ValueParsers.InterfaceName(interfaceName),
            Destination = ValueParsers.Address(tcp.DstAddress, "spec.tcp.dstAddress"),
            Port = ValueParsers.Port(Text(tcp.DstPort), "spec.tcp.dstPort"),
            Flows = tcp.Flows,
            BatchSize = tcp.BatchSize,
            Segments = spec.Packets,
            Duration = spec.Duration is { } duration ? ValueParsers.Duration(duration, "spec.duration") : null,
        };
        if (tcp.ConnectTimeout is { } timeout)
        {
            job = job with { ConnectTimeout = ValueParsers.Duration(timeout, "spec.tcp.connectTimeout") };
        }

        job.Validate();
        return job;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
