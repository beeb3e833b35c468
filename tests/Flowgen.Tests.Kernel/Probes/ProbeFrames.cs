using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Contract;
using Flowgen.Packets;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// Hand-made probe frames (bpf/flowgen.h, struct flowgen_probe, at the start of the UDP payload)
/// with valid checksums, for running the receiving programs with BPF_PROG_RUN.
/// </summary>
public static class ProbeFrames
{
    public const int ProbeLength = 40;
    public const uint Magic = 0x46475031;

    public static readonly PhysicalAddress SenderMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    public static readonly PhysicalAddress ReceiverMac = PhysicalAddress.Parse("02-00-00-00-00-02");
    public static readonly IPAddress SenderIPv4 = IPAddress.Parse("198.18.0.1");
    public static readonly IPAddress ReceiverIPv4 = IPAddress.Parse("198.18.0.2");
    public static readonly IPAddress SenderIPv6 = IPAddress.Parse("2001:db8::1");
    public static readonly IPAddress ReceiverIPv6 = IPAddress.Parse("2001:db8::2");
    public const ushort SenderPort = 40000;
    public const ushort ReceiverPort = 9;

    public const ushort Ieee8021Q = 0x8100;
    public const ushort Ieee8021AD = 0x88a8;
    public const ushort TagControl = 100;
    const int MacsLength = 12;

    /// <summary>
    /// One probe frame from the sender to the receiver, its payload exactly the probe (or longer);
    /// with a <paramref name="tagProtocol"/> (<see cref="Ieee8021Q"/> or <see cref="Ieee8021AD"/>) it
    /// carries one VLAN tag with TCI <see cref="TagControl"/>.
    /// </summary>
    public static byte[] Build(IpVersion version, ushort stream, uint flow, ulong seq, ulong sentNs = 0, ulong reflectedNs = 0,
        uint magic = Magic, int extraPayload = 0, ushort tagProtocol = 0)
    {
        var frame = BuildUntagged(version, stream, flow, seq, sentNs, reflectedNs, magic, extraPayload);
        if (tagProtocol == 0)
            return frame;
        var tag = new byte[FrameSizes.VlanTag];
        BinaryPrimitives.WriteUInt16BigEndian(tag, tagProtocol);
        BinaryPrimitives.WriteUInt16BigEndian(tag.AsSpan(2), TagControl);
        return [.. frame.AsSpan(0, MacsLength), .. tag, .. frame.AsSpan(MacsLength)];
    }

    /// <summary>The frame's VLAN tag (TPID and TCI, as on the wire) and the frame without it.</summary>
    public static (byte[] Tag, byte[] Untagged) Untag(byte[] frame) =>
        (frame[MacsLength..(MacsLength + FrameSizes.VlanTag)], [.. frame.AsSpan(0, MacsLength), .. frame.AsSpan(MacsLength + FrameSizes.VlanTag)]);

    static byte[] BuildUntagged(IpVersion version, ushort stream, uint flow, ulong seq, ulong sentNs, ulong reflectedNs, uint magic, int extraPayload)
    {
        var probe = new byte[ProbeLength];
        BinaryPrimitives.WriteUInt32BigEndian(probe, magic);
        BinaryPrimitives.WriteUInt16BigEndian(probe.AsSpan(4), stream);
        BinaryPrimitives.WriteUInt32BigEndian(probe.AsSpan(8), flow);
        BinaryPrimitives.WriteUInt64BigEndian(probe.AsSpan(16), seq);
        BinaryPrimitives.WriteUInt64BigEndian(probe.AsSpan(24), sentNs);
        BinaryPrimitives.WriteUInt64BigEndian(probe.AsSpan(32), reflectedNs);
        bool v4 = version == IpVersion.IPv4;
        var family = v4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        int wireSize = FrameSizes.EthernetHeader + FrameSizes.IpHeader(family) + FrameSizes.UdpHeader + ProbeLength + extraPayload + FrameSizes.Fcs;
        var spec = new UdpFrameSpec(SenderMac, ReceiverMac, v4 ? SenderIPv4 : SenderIPv6, v4 ? ReceiverIPv4 : ReceiverIPv6,
            SenderPort, ReceiverPort, wireSize, 64, probe);
        return UdpFrameBuilder.Build(spec).Frame;
    }

    /// <summary>The probe's fields read back from a frame (an untagged IPv4 or IPv6 UDP frame).</summary>
    public static (ulong Seq, ulong SentNs, ulong ReflectedNs) Read(byte[] frame)
    {
        int offset = PayloadOffset(frame);
        return (BinaryPrimitives.ReadUInt64BigEndian(frame.AsSpan(offset + 16)),
            BinaryPrimitives.ReadUInt64BigEndian(frame.AsSpan(offset + 24)),
            BinaryPrimitives.ReadUInt64BigEndian(frame.AsSpan(offset + 32)));
    }

    public static int PayloadOffset(byte[] frame)
    {
        bool v4 = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)) == 0x0800;
        return FrameSizes.EthernetHeader + FrameSizes.IpHeader(v4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6) + FrameSizes.UdpHeader;
    }
}
