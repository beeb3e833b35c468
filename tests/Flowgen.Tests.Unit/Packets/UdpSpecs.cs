using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Packets;

namespace Flowgen.Tests.Unit.Packets;

/// <summary>Test frames between documentation addresses (198.18.0.0/15, 2001:db8::/32).</summary>
internal static class UdpSpecs
{
    public static readonly PhysicalAddress SourceMac = PhysicalAddress.Parse("02-00-5E-10-00-01");
    public static readonly PhysicalAddress DestinationMac = PhysicalAddress.Parse("02-00-5E-10-00-02");

    public static readonly int[] Ports = [0, 1, 9, 1024, 65535];
    public static readonly byte[] HopLimits = [1, 64, 255];

    public static IPAddress Source(AddressFamily family) =>
        IPAddress.Parse(family == AddressFamily.InterNetwork ? "198.18.0.1" : "2001:db8::1");

    public static IPAddress Destination(AddressFamily family) =>
        IPAddress.Parse(family == AddressFamily.InterNetwork ? "198.19.255.254" : "2001:db8:ffff::2");

    public static UdpFrameSpec Create(
        AddressFamily family,
        int wireSize,
        ushort sourcePort = 1024,
        ushort destinationPort = 9,
        byte hopLimit = 64,
        ReadOnlyMemory<byte> payloadPattern = default) =>
        new(SourceMac, DestinationMac, Source(family), Destination(family),
            sourcePort, destinationPort, wireSize, hopLimit, payloadPattern);

    /// <summary>min, min+1, 128, 512, 1500, 1518 and the largest frame one page holds.</summary>
    public static int[] WireSizes(AddressFamily family)
    {
        int minimum = family == AddressFamily.InterNetwork ? 64 : 66;
        return [minimum, minimum + 1, 128, 512, 1500, 1518, 3412];
    }

    public static TheoryData<int, ushort, byte> SizesPortsAndHopLimits(AddressFamily family)
    {
        var data = new TheoryData<int, ushort, byte>();
        foreach (int size in WireSizes(family))
        {
            for (int i = 0; i < Ports.Length; i++)
            {
                data.Add(size, (ushort)Ports[i], HopLimits[i % HopLimits.Length]);
            }
        }

        return data;
    }

    public static TheoryData<int> Sizes(AddressFamily family) => new(WireSizes(family));

    public static TheoryData<ushort, ushort> PortPairs()
    {
        var data = new TheoryData<ushort, ushort>();
        foreach (int port in Ports)
        {
            data.Add((ushort)port, (ushort)(65535 - port));
        }

        return data;
    }
}
