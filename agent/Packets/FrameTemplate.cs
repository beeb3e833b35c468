using System.Net.Sockets;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>A built frame and where its parts are, for the generator to copy and patch.</summary>
internal sealed class FrameTemplate
{
    public FrameTemplate(byte[] frame, int wireSize, AddressFamily family, int ipOffset, int udpOffset, ushort udpChecksum)
    {
        Frame = frame;
        WireSize = wireSize;
        Family = family;
        IpOffset = ipOffset;
        UdpOffset = udpOffset;
        UdpChecksum = udpChecksum;
    }

    /// <summary>The bytes handed to BPF_PROG_RUN: <see cref="WireSize"/> minus the FCS.</summary>
    public byte[] Frame { get; }

    /// <summary>The frame size on the wire, FCS included (<c>-s</c>).</summary>
    public int WireSize { get; }

    public AddressFamily Family { get; }

    /// <summary>Offset of the IP header in <see cref="Frame"/>: 14, or 18 behind an 802.1Q tag.</summary>
    public int IpOffset { get; }

    /// <summary>Offset of the UDP header in <see cref="Frame"/>.</summary>
    public int UdpOffset { get; }

    /// <summary>The UDP checksum in host order, exactly as written (big-endian) in the frame.</summary>
    public ushort UdpChecksum { get; }

    public int PayloadOffset => UdpOffset + FrameSizes.UdpHeader;

    public int PayloadLength => Frame.Length - PayloadOffset;
}
