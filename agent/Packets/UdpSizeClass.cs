using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>
/// What the generator writes for one frame size: the lengths, and the checksums of the frame cut
/// to that size with every dynamic field zero (addresses' low 32 bits, ports, the probe's varying
/// fields). The generator adds the values it writes to these bases (bpf/flowgen.h, gen_size_class).
/// </summary>
internal sealed record UdpSizeClass(int WireSize, int FrameLength, ushort IpLength, ushort UdpLength, ushort IpCheckBase, ushort UdpCheckBase)
{
    private const int Ipv4ChecksumOffset = 10;

    /// <summary>The class for <paramref name="wireSize"/> of the frames <paramref name="spec"/> describes.</summary>
    /// <exception cref="FrameSpecException">The spec cannot be built at that size.</exception>
    public static UdpSizeClass For(UdpFrameSpec spec, int wireSize)
    {
        FrameTemplate zeroed = UdpFrameBuilder.Build(spec with
        {
            WireSize = wireSize,
            Source = WithoutLow32Bits(spec.Source),
            Destination = WithoutLow32Bits(spec.Destination),
            SourcePort = 0,
            DestinationPort = 0,
        });
        var ip = zeroed.Frame.AsSpan(zeroed.IpOffset);
        int udpLength = zeroed.Frame.Length - zeroed.UdpOffset;
        bool v4 = zeroed.Family == AddressFamily.InterNetwork;
        return new UdpSizeClass(
            wireSize,
            zeroed.Frame.Length,
            (ushort)(v4 ? FrameSizes.Ipv4Header + udpLength : udpLength),
            (ushort)udpLength,
            v4 ? BinaryPrimitives.ReadUInt16BigEndian(ip[Ipv4ChecksumOffset..]) : (ushort)0,
            zeroed.UdpChecksum);
    }

    /// <summary>The address with its last 4 bytes zero: what the generator varies.</summary>
    public static IPAddress WithoutLow32Bits(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        bytes.AsSpan(bytes.Length - 4).Clear();
        return new IPAddress(bytes);
    }
}
