using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Contract;

namespace Flowgen.Packets;

/// <summary>Checks a <see cref="UdpFrameSpec"/> and explains, in the user's terms, what to change.</summary>
internal static class UdpFrameSpecValidator
{
    /// <summary>Returns the address family of the frame, or throws <see cref="FrameSpecException"/>.</summary>
    public static AddressFamily Validate(UdpFrameSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        AddressFamily family = ValidateAddresses(spec.Source, spec.Destination);
        ValidateWireSize(spec.WireSize, family, spec.VlanTag is not null);
        ValidateMac("source", spec.SourceMac);
        ValidateMac("destination", spec.DestinationMac);
        return family;
    }

    private static AddressFamily ValidateAddresses(IPAddress source, IPAddress destination)
    {
        if (source.AddressFamily != destination.AddressFamily)
        {
            throw new FrameSpecException(
                $"source {source} is {FamilyName(source.AddressFamily)} but destination {destination} is "
                + $"{FamilyName(destination.AddressFamily)}: give both in one family");
        }

        if (source.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new FrameSpecException(
                $"source {source} is a {source.AddressFamily} address: give IPv4 or IPv6 addresses");
        }

        return source.AddressFamily;
    }

    private static void ValidateWireSize(int wireSize, AddressFamily family, bool tagged)
    {
        int minimum = FrameSizes.MinimumWireSize(family, tagged);
        if (wireSize < minimum)
        {
            throw new FrameSpecException(
                $"-s {wireSize} is too small for {FamilyName(family)} UDP: the smallest frame is {minimum} bytes on the wire");
        }

        if (FrameSizes.KernelFrameLength(wireSize) > FrameSizes.MaxKernelFrame)
        {
            int maximum = FrameSizes.MaxKernelFrame + FrameSizes.Fcs;
            throw new FrameSpecException(
                $"-s {wireSize} is too large: a live-frames frame must fit one memory page, so the largest is "
                + $"{maximum} bytes on the wire ({FrameSizes.MaxKernelFrame} handed to the kernel); give -s {maximum} or less");
        }
    }

    private static void ValidateMac(string role, PhysicalAddress mac)
    {
        byte[] bytes = mac.GetAddressBytes();
        if (bytes.Length != FrameSizes.MacAddress)
        {
            string shown = bytes.Length == 0 ? "(empty)" : BitConverter.ToString(bytes).Replace('-', ':');
            throw new FrameSpecException(
                $"{role} MAC {shown} is {bytes.Length} bytes long: give a 6-byte Ethernet address such as 02:00:00:00:00:01");
        }
    }

    private static string FamilyName(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "IPv4",
        AddressFamily.InterNetworkV6 => "IPv6",
        _ => family.ToString(),
    };
}
