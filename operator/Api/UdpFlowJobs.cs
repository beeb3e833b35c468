using System.Globalization;
using Flowgen.Contract;

namespace Flowgen.Operator.Api;

/// <summary>The spec.udp fields beyond one address and one port, as the job's options, and refusals by spec field.</summary>
internal static class UdpFlowJobs
{
    /// <summary>Source range, port ranges, flow order, VLAN, sizes and stamping of <paramref name="udp"/> on <paramref name="job"/>.</summary>
    /// <exception cref="UsageException">A field the contract's parsers refuse; the message names it.</exception>
    public static UdpJob WithFlowOptions(UdpJob job, UdpFlow udp)
    {
        if (udp.SrcAddress is { } text)
        {
            var (source, count) = AddressRange.Parse(text, "spec.udp.srcAddress");
            job = job with { Source = source, SourceCount = count };
        }

        if (udp.SrcEndPort is { } srcEnd)
        {
            job = job with { SourcePortCount = PortCount(job.SourcePort, srcEnd, "srcPort", "srcEndPort") };
        }

        if (udp.DstEndPort is { } dstEnd)
        {
            if (udp.DynamicPorts != 0)
            {
                throw new UsageException(
                    "spec.udp.dstEndPort and spec.udp.dynamicPorts both give the destination ports: give one of them");
            }

            int ports = PortCount(job.DestinationPort, dstEnd, "dstPort", "dstEndPort");
            job = job with { DynamicPorts = ports > 1 ? ports : 0 };
        }

        return WithSizes(job, udp) with
        {
            RandomFlows = udp.FlowOrder == FlowOrder.Random,
            Vlan = udp.Vlan is { } vlan ? new VlanTag(vlan.Id, vlan.Priority) : null,
            Stamp = udp.Stamp || udp.Latency,
            Latency = udp.Latency,
        };
    }

    /// <summary>
    /// <paramref name="job"/> after the checks the agent makes; a refusal names the spec's fields
    /// instead of the agent's options (<c>-s/--pkt-size</c> reads <c>spec.udp.packetSize</c>).
    /// </summary>
    /// <exception cref="UsageException">The job is not valid.</exception>
    public static UdpJob Validated(UdpJob job, UdpFlow udp)
    {
        job.SizeMix?.Check(job.Destination.AddressFamily, job.Vlan is not null, SizeField(udp));
        try
        {
            job.Validate();
            return job;
        }
        catch (UsageException e)
        {
            throw new UsageException(InSpecTerms(e.Message, udp), e);
        }
    }

    private static UdpJob WithSizes(UdpJob job, UdpFlow udp)
    {
        int given = (udp.PacketSize is null ? 0 : 1) + (udp.PacketSizes is null ? 0 : 1) + (udp.SizeProfile is null ? 0 : 1);
        if (given > 1)
        {
            throw new UsageException("spec.udp.packetSize, spec.udp.packetSizes and spec.udp.sizeProfile each give the frame sizes: give one of them");
        }

        return udp switch
        {
            { PacketSize: { } size } => job with { FrameSize = size },
            { PacketSizes: { } sizes } => job with { SizeMix = FrameSizeMix.Of(sizes.Select(s => new WeightedFrameSize(s.Size, s.Weight))) },
            { SizeProfile: SizeProfile.Imix } => job with { SizeMix = FrameSizeMix.Imix },
            _ => job,
        };
    }

    private static int PortCount(ushort first, int end, string firstField, string endField)
    {
        ushort last = ValueParsers.Port(end.ToString(CultureInfo.InvariantCulture), $"spec.udp.{endField}");
        return last >= first
            ? last - first + 1
            : throw new UsageException(
                $"spec.udp.{endField} {last} is below spec.udp.{firstField} {first}: the range runs from {firstField} up to {endField}, "
                + $"so give {endField} at least {first}");
    }

    /// <summary>The field that holds the sizes; a size fix for IMIX is a list, so it goes to packetSizes.</summary>
    private static string SizeField(UdpFlow udp) =>
        udp.PacketSizes is not null || udp.SizeProfile is not null ? "spec.udp.packetSizes" : "spec.udp.packetSize";

    private static string InSpecTerms(string message, UdpFlow udp)
    {
        (string Option, string Field)[] names =
        [
            ("pkt-size", SizeField(udp)), ("dst-addr", "spec.udp.dstAddress"), ("src-addr", "spec.udp.srcAddress"),
            ("src-port", "spec.udp.srcEndPort"), ("dyn-ports", udp.DstEndPort is null ? "spec.udp.dynamicPorts" : "spec.udp.dstEndPort"),
            ("vlan", "spec.udp.vlan"), ("stamp", "spec.udp.stamp"), ("latency", "spec.udp.latency"), ("rate", "spec.udp.rate"),
            ("threads", "spec.agents.threads"),
        ];
        foreach (var (option, field) in names)
        {
            message = message.Replace(UdpJob.OptionNamed(option).DisplayName, field, StringComparison.Ordinal);
        }

        return message;
    }
}
