using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Interop.Netlink;

namespace Flowgen.Interop;

/// <summary>MAC addresses of neighbours, from the kernel's ARP/ND table of the calling thread's namespace.</summary>
internal static class Neighbours
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The MAC of <paramref name="address"/> on interface <paramref name="interfaceIndex"/>:
    /// from the table when known, otherwise after asking the kernel to resolve it. Throws
    /// <see cref="NeighbourResolutionException"/> when nobody answers within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<PhysicalAddress> ResolveAsync(int interfaceIndex, IPAddress address, TimeSpan timeout, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();

        // Everything that binds to the namespace happens before the first await, which may
        // resume on a thread in another namespace; the sockets stay where they were opened.
        string name = LibcSockets.InterfaceName(interfaceIndex)
            ?? throw new ArgumentException($"no interface has index {interfaceIndex} in this network namespace", nameof(interfaceIndex));
        using var netlink = NetlinkSocket.OpenRoute();
        using var solicitor = new NeighbourSolicitor(netlink, interfaceIndex, name, address);
        bool asked = false;
        while (true)
        {
            NeighbourEntry? entry = Lookup(netlink, interfaceIndex, address, name);
            if (entry?.UsableLinkAddress is PhysicalAddress mac)
                return mac;

            // The kernel retries on its own while INCOMPLETE; ask again only once it gave up.
            if (!asked || entry is null || entry.State is NeighbourState.None or NeighbourState.Failed)
            {
                solicitor.Solicit();
                asked = true;
            }
            if (Stopwatch.GetElapsedTime(started) >= timeout)
                throw new NeighbourResolutionException(address, name, timeout);
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private static NeighbourEntry? Lookup(NetlinkSocket netlink, int interfaceIndex, IPAddress address, string name)
    {
        byte[] wanted = address.GetAddressBytes();
        return netlink.Transact(NeighbourMessages.DumpRequest(address.AddressFamily, interfaceIndex), $"reading the neighbour table of {name}")
            .Select(NeighbourMessages.Parse)
            .FirstOrDefault(entry => entry is not null
                && entry.InterfaceIndex == interfaceIndex
                && entry.Destination.GetAddressBytes().AsSpan().SequenceEqual(wanted));
    }
}
