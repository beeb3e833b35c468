using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Flowgen.Interop;

/// <summary>Nobody answered for an address on an interface, so its MAC is unknown.</summary>
internal sealed class NeighbourResolutionException(IPAddress address, string interfaceName, TimeSpan timeout)
    : Exception(Explain(address, interfaceName, timeout))
{
    public IPAddress Address { get; } = address;

    public string InterfaceName { get; } = interfaceName;

    private static string Explain(IPAddress address, string interfaceName, TimeSpan timeout)
    {
        string protocol = address.AddressFamily == AddressFamily.InterNetworkV6 ? "ND" : "ARP";
        string within = timeout.TotalSeconds >= 1
            ? timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
            : timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
        return $"no {protocol} answer from {address} on {interfaceName} within {within}: " +
            "check the address, or give the destination MAC with -m";
    }
}
