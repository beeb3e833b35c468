using System.Net.NetworkInformation;
using Flowgen.Interop.Netlink;

namespace Flowgen.Interop;

/// <summary>
/// Looks interfaces up in the calling thread's network namespace. Everything comes from
/// netlink and socket ioctls, not /sys/class/net: sysfs shows the namespace it was mounted
/// in, which is the thread's only under `ip netns exec`, not after a per-thread setns().
/// </summary>
internal static class NetworkInterfaces
{
    private const string VethDriver = "veth";

    /// <summary>The interface named <paramref name="name"/>, or null when there is none.</summary>
    public static InterfaceInfo? Find(string name)
    {
        if (LibcSockets.InterfaceIndex(name) is not int index)
            return null;
        using var netlink = NetlinkSocket.OpenRoute();
        if (ReadLink(netlink, index, name) is not LinkEntry link)
            return null;
        var addresses = netlink.Transact(AddressMessages.DumpRequest(), $"reading the addresses of {name}")
            .Select(AddressMessages.Parse)
            .Where(entry => entry is not null && entry.InterfaceIndex == index)
            .Select(entry => entry!.Address)
            .ToList();
        return new InterfaceInfo(
            name,
            index,
            link.Address ?? PhysicalAddress.None,
            link.Mtu ?? 0,
            addresses,
            link.IsUp,
            Ethtool.DriverName(name));
    }

    /// <summary>
    /// For a veth, the index of its peer (which may live in another namespace, where the same
    /// number can mean something else); null for other interfaces or when there is none.
    /// </summary>
    public static int? VethPeerIndex(string name)
    {
        if (LibcSockets.InterfaceIndex(name) is not int index || Ethtool.DriverName(name) != VethDriver)
            return null;
        using var netlink = NetlinkSocket.OpenRoute();
        return ReadLink(netlink, index, name)?.LinkIndex;
    }

    /// <summary>The link's attributes, or null when it vanished since its index was looked up.</summary>
    private static LinkEntry? ReadLink(NetlinkSocket netlink, int index, string name)
    {
        try
        {
            return netlink.Transact(LinkMessages.GetRequest(index), $"reading interface {name}")
                .Select(LinkMessages.Parse)
                .FirstOrDefault(entry => entry?.Index == index);
        }
        catch (NativeException e) when (e.Errno == Errno.ENODEV)
        {
            return null;
        }
    }
}
