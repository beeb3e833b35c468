using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Flowgen.Interop;

/// <summary>An interface as the calling thread's network namespace sees it.</summary>
internal sealed record InterfaceInfo(
    string Name,
    int Index,
    PhysicalAddress Mac,
    int Mtu,
    IReadOnlyList<IPAddress> Addresses,
    bool IsUp,
    string? Driver)
{
    /// <summary>
    /// The address to send from: the first global one of <paramref name="family"/>; a link-local
    /// one (fe80::/10, 169.254/16) only when there is nothing else; never loopback. Null when none.
    /// </summary>
    public IPAddress? PreferredSource(AddressFamily family)
    {
        var candidates = Addresses.Where(a => a.AddressFamily == family && !IPAddress.IsLoopback(a)).ToList();
        return candidates.FirstOrDefault(a => !IsLinkLocal(a)) ?? candidates.FirstOrDefault();
    }

    private static bool IsLinkLocal(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6
        ? address.IsIPv6LinkLocal
        : address.GetAddressBytes() is [169, 254, ..];
}
