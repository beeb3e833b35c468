using System.Net;
using System.Net.Sockets;

namespace Flowgen.Tests.Kernel.TestBed;

public enum IpVersion
{
    IPv4,
    IPv6,
}

/// <summary>What a test needs to know of one IP version on the veth test bed.</summary>
public static class IpVersionFacts
{
    const int EthernetHeader = 14;
    const int Fcs = 4;
    const int Ipv4Header = 20;
    const int Ipv6Header = 40;
    const int UdpHeader = 8;

    public static IPAddress SinkAddress(this IGeneratorSinkBed bed, IpVersion version) =>
        version == IpVersion.IPv4 ? bed.SinkIPv4 : bed.SinkIPv6;

    public static AddressFamily Family(this IpVersion version) =>
        version == IpVersion.IPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    public static IPAddress AnyAddress(this IpVersion version) =>
        version == IpVersion.IPv4 ? IPAddress.Any : IPAddress.IPv6Any;

    /// <summary>The UDP payload of a frame of <paramref name="wireSize"/> bytes (-s, FCS included).</summary>
    public static int UdpPayloadLength(this IpVersion version, int wireSize) =>
        wireSize - Fcs - EthernetHeader - (version == IpVersion.IPv4 ? Ipv4Header : Ipv6Header) - UdpHeader;
}
