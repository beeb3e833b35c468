using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>One end host of a <see cref="WireTestBed"/>, and the setup of the wire between them.</summary>
sealed record WireBedHost(string Role, string Interface, IPAddress IPv4, IPAddress IPv6)
{
    public async Task ConfigureAsync(string ns)
    {
        // nodad: the global IPv6 address is usable at once instead of after duplicate address detection.
        await Ip(ns, "addr", "add", $"{IPv4}/{VethTestBed.IPv4PrefixLength}", "dev", Interface);
        await Ip(ns, "addr", "add", $"{IPv6}/{VethTestBed.IPv6PrefixLength}", "dev", Interface, "nodad");
        await Ip(ns, "link", "set", "lo", "up");
        await Ip(ns, "link", "set", Interface, "up");
        await Netns.ExecAsync(ns, "ethtool", "-K", Interface, "gro", "on", "tx", "off");
    }

    public async Task AddNeighbourAsync(string ns, WireBedHost peer, PhysicalAddress peerMac)
    {
        foreach (var address in new[] { peer.IPv4, peer.IPv6 })
            await Ip(ns, "neigh", "replace", address.ToString(), "lladdr", MacText.Format(peerMac), "dev", Interface, "nud", "permanent");
    }

    /// <summary>The wire's interfaces: up, no addresses, IPv6 off (no router solicitations or MLD of their own).</summary>
    public static async Task ConfigureWireAsync(string ns, params string[] interfaces)
    {
        foreach (var name in interfaces)
        {
            await Netns.ExecAsync(ns, "sysctl", "-qw", $"net.ipv6.conf.{name}.disable_ipv6=1");
            await Ip(ns, "link", "set", name, "up");
        }
    }

    public static Task<ProcessResult> Ip(string ns, params string[] args) => Command.RunCheckedAsync("ip", ["-n", ns, .. args]);
}
