using System.Net.Sockets;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Builds an Ethernet II + IPv4/IPv6 + UDP frame template from a <see cref="UdpFrameSpec"/>.</summary>
internal static class UdpFrameBuilder
{
    /// <exception cref="FrameSpecException">The spec cannot be built; the message says what to change.</exception>
    public static FrameTemplate Build(UdpFrameSpec spec)
    {
        AddressFamily family = UdpFrameSpecValidator.Validate(spec);
        var frame = new byte[FrameSizes.KernelFrameLength(spec.WireSize)];

        int ipOffset = FrameSizes.EthernetHeader + (spec.VlanTag is null ? 0 : FrameSizes.VlanTag);
        int udpOffset = ipOffset + FrameSizes.IpHeader(family);
        Span<byte> ipHeader = frame.AsSpan(ipOffset, udpOffset - ipOffset);
        Span<byte> datagram = frame.AsSpan(udpOffset);
        bool v4 = family == AddressFamily.InterNetwork;

        EthernetHeaderWriter.Write(frame, spec.DestinationMac, spec.SourceMac, v4 ? EtherType.Ipv4 : EtherType.Ipv6, spec.VlanTag);
        if (v4)
        {
            Ipv4HeaderWriter.Write(ipHeader, spec.Source, spec.Destination, spec.HopLimit, IpProtocol.Udp, datagram.Length);
        }
        else
        {
            Ipv6HeaderWriter.Write(ipHeader, spec.Source, spec.Destination, spec.HopLimit, IpProtocol.Udp, datagram.Length);
        }

        PayloadFiller.Fill(datagram[FrameSizes.UdpHeader..], spec.PayloadPattern.Span);
        if (spec.Stamp)
        {
            ProbeHeader.WriteTemplate(datagram[FrameSizes.UdpHeader..]);
        }

        ushort checksum = UdpHeaderWriter.Write(
            datagram, spec.SourcePort, spec.DestinationPort, spec.Source, spec.Destination);

        return new FrameTemplate(frame, spec.WireSize, family, ipOffset, udpOffset, checksum);
    }
}
