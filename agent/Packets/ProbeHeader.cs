using System.Buffers.Binary;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>
/// struct flowgen_probe (bpf/flowgen.h) in a template: the constant magic, every other field zero.
/// The generator writes stream, flow, seq and sent_ns per frame and adds them to the checksum.
/// </summary>
internal static class ProbeHeader
{
    /// <summary>FLOWGEN_PROBE_MAGIC, "FGP1".</summary>
    public const uint Magic = 0x46475031;

    public static void WriteTemplate(Span<byte> payload)
    {
        Span<byte> probe = payload[..FrameSizes.Probe];
        probe.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(probe, Magic);
    }
}
