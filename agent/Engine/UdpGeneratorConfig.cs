using System.Net.Sockets;
using Flowgen.Packets;

namespace Flowgen.Engine;

/// <summary>
/// The generator's .rodata for a prepared UDP job: where the fields are, the flows' ranges and
/// the size classes with their checksum bases. A job that varies nothing sends its template untouched.
/// </summary>
internal static class UdpGeneratorConfig
{
    public static GenConfig Build(PreparedUdpJob job)
    {
        FrameTemplate template = job.Template;
        UdpFlowRanges flows = job.Flows;
        var config = new GenConfig
        {
            TargetIfindex = (uint)job.Interface.Index,
            JobTgid = (uint)Environment.ProcessId,
            IpOffset = (uint)template.IpOffset,
            UdpOffset = (uint)template.UdpOffset,
            Ipv6 = template.Family == AddressFamily.InterNetworkV6 ? 1u : 0u,
            Stamp = job.Job.Stamp ? 1u : 0u,
            FlowRandom = flows.Random ? 1u : 0u,
            FlowCount = checked((uint)flows.Count),
            SizeClassCount = (uint)job.SizeClasses.Count,
            SourceAddress = flows.SourceAddress,
            DestinationAddress = flows.DestinationAddress,
            SourcePort = flows.SourcePort,
            DestinationPort = flows.DestinationPort,
        };
        config.Rewrite = config.Stamp != 0 || config.FlowCount > 1 || config.SizeClassCount > 1 ? 1u : 0u;
        WriteSizeClasses(ref config, job.SizeClasses);
        if (config.Stamp != 0)
            WriteHeader(ref config, template);
        return config;
    }

    /// <summary>
    /// The template's headers (Ethernet to UDP), which the program writes into every probe frame: a
    /// live-frames page comes back holding whatever was last written there, and on a veth pair
    /// flowgen reflect swaps MACs, addresses and ports in the generator's own pages. It changes
    /// probes only, so other jobs skip these stores (bench/udp-features.sh measures them).
    /// </summary>
    private static void WriteHeader(ref GenConfig config, FrameTemplate template)
    {
        ReadOnlySpan<byte> header = template.Frame.AsSpan(0, template.PayloadOffset);
        config.HeaderLength = (uint)header.Length;
        for (int i = 0; i < header.Length / sizeof(ulong); i++)
            config.HeaderWords[i] = BitConverter.ToUInt64(header[(i * sizeof(ulong))..]);
        config.HeaderTail = BitConverter.ToUInt64(header[^sizeof(ulong)..]);
    }

    /// <summary>Each class with the cumulative share of 2^32 below which a random u32 picks it.</summary>
    private static void WriteSizeClasses(ref GenConfig config, IReadOnlyList<WeightedSizeClass> classes)
    {
        long total = classes.Sum(c => (long)c.Weight);
        long cumulative = 0;
        for (int i = 0; i < classes.Count; i++)
        {
            UdpSizeClass size = classes[i].Size;
            cumulative += classes[i].Weight;
            config.SizeClasses[i] = new GenSizeClass
            {
                Threshold = i == classes.Count - 1 ? uint.MaxValue : (uint)((cumulative << 32) / total),
                FrameLength = (ushort)size.FrameLength,
                IpLength = size.IpLength,
                UdpLength = size.UdpLength,
                IpCheckBase = size.IpCheckBase,
                UdpCheckBase = size.UdpCheckBase,
            };
        }
    }
}

/// <summary>One frame size of a job and its weight in the mix.</summary>
internal sealed record WeightedSizeClass(UdpSizeClass Size, int Weight);

/// <summary>
/// A job's flows as the generator numbers them: every combination of the four ranges, the
/// destination port varying fastest, then the source port, the destination and the source address.
/// </summary>
internal sealed record UdpFlowRanges(GenRange SourceAddress, GenRange DestinationAddress, GenRange SourcePort, GenRange DestinationPort, bool Random)
{
    public long Count => (long)SourceAddress.Count * DestinationAddress.Count * SourcePort.Count * DestinationPort.Count;
}
