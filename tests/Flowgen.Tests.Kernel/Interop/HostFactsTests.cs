using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Interop;
using Flowgen.Interop.Netlink;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Interop;

/// <summary>
/// Host facts read from inside the generator's namespace, the way the CLI sees them; the product
/// code runs on a thread that entered the namespace with setns().
/// </summary>
public class HostFactsTests
{
    static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    static readonly IPAddress NobodysIPv4 = IPAddress.Parse("198.18.0.99");

    [SkippableFact]
    public async Task Find_reports_the_veth_as_the_kernel_sees_it()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        var info = InGenerator(bed, () => NetworkInterfaces.Find(bed.GeneratorInterface));

        Assert.NotNull(info);
        Assert.Equal(bed.GeneratorInterface, info.Name);
        Assert.Equal(bed.GeneratorIfindex, info.Index);
        Assert.Equal(bed.GeneratorMac, info.Mac);
        Assert.Equal(1500, info.Mtu);
        Assert.True(info.IsUp);
        Assert.Equal("veth", info.Driver);
        Assert.Contains(bed.GeneratorIPv4, info.Addresses);
        Assert.Contains(bed.GeneratorIPv6, info.Addresses);
        Assert.Contains(info.Addresses, a => a.IsIPv6LinkLocal);
        Assert.Equal(bed.GeneratorIPv4, info.PreferredSource(AddressFamily.InterNetwork));
        Assert.Equal(bed.GeneratorIPv6, info.PreferredSource(AddressFamily.InterNetworkV6));
    }

    [SkippableFact]
    public async Task Find_reports_a_veth_whose_peer_is_down_as_not_up()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await Command.RunCheckedAsync("ip", ["-n", bed.SinkNamespace, "link", "set", bed.SinkInterface, "down"]);

        var info = InGenerator(bed, () => NetworkInterfaces.Find(bed.GeneratorInterface));

        Assert.NotNull(info);
        Assert.False(info.IsUp);
    }

    [SkippableFact]
    public async Task Find_of_a_missing_interface_is_null()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        // The sink's interface exists, but in the other namespace.
        Assert.Null(InGenerator(bed, () => NetworkInterfaces.Find(bed.SinkInterface)));
        Assert.Null(InGenerator(bed, () => NetworkInterfaces.Find("no-such-if")));
    }

    [SkippableFact]
    public async Task VethPeerIndex_is_the_peers_ifindex_in_its_namespace()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        Assert.Equal(bed.SinkIfindex, InGenerator(bed, () => NetworkInterfaces.VethPeerIndex(bed.GeneratorInterface)));
        Assert.Null(InGenerator(bed, () => NetworkInterfaces.VethPeerIndex("lo")));
    }

    [SkippableFact]
    public async Task Resolve_learns_the_peers_mac_over_arp()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        Assert.Null(await NeighbourLine(bed, bed.SinkIPv4));

        var mac = InGenerator(bed, () => Resolve(bed, bed.SinkIPv4, ResolveTimeout));

        Assert.Equal(bed.SinkMac, mac);
    }

    [SkippableFact]
    public async Task Resolve_learns_the_peers_mac_over_neighbour_discovery()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        Assert.Null(await NeighbourLine(bed, bed.SinkIPv6));
        await Eventually.HoldsAsync(async () => !await HasTentativeAddress(bed), "the generator's IPv6 addresses to finish DAD", Settle);

        var mac = InGenerator(bed, () => Resolve(bed, bed.SinkIPv6, ResolveTimeout));

        Assert.Equal(bed.SinkMac, mac);
    }

    [SkippableFact]
    public async Task Resolve_of_an_address_nobody_has_fails_within_the_timeout()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        var timeout = TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<InvalidOperationException>(() => InGenerator(bed, () => Resolve(bed, NobodysIPv4, timeout)));

        clock.Stop();
        var unresolved = Assert.IsType<NeighbourResolutionException>(failure.InnerException);
        Assert.Equal(
            $"no ARP answer from {NobodysIPv4} on {bed.GeneratorInterface} within 1s: check the address, or give the destination MAC with -m",
            unresolved.Message);
        Assert.InRange(clock.Elapsed, timeout, timeout + TimeSpan.FromMilliseconds(500));
    }

    [SkippableFact]
    public async Task An_empty_udp_datagram_resolves_the_peer_when_netlink_is_not_used()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        InGenerator(bed, () =>
        {
            using var netlink = NetlinkSocket.OpenRoute();
            using var solicitor = new NeighbourSolicitor(netlink, bed.GeneratorIfindex, bed.GeneratorInterface, bed.SinkIPv4, viaNetlink: false);
            solicitor.Solicit();
            return true;
        });

        await Eventually.HoldsAsync(
            async () => (await NeighbourLine(bed, bed.SinkIPv4))?.Contains($"lladdr {MacText.Format(bed.SinkMac)}", StringComparison.Ordinal) == true,
            $"the generator to learn {bed.SinkIPv4}'s MAC", Settle);
    }

    static T InGenerator<T>(VethTestBed bed, Func<T> work) => NetworkNamespace.Run(bed.GeneratorNamespace, work);

    // Blocks the namespace thread: what ResolveAsync needs of the namespace it takes before its first await.
    static PhysicalAddress Resolve(VethTestBed bed, IPAddress address, TimeSpan timeout) =>
        Neighbours.ResolveAsync(bed.GeneratorIfindex, address, timeout, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Right after the veth comes up its link-local address is tentative, and until DAD ends the
    /// kernel sends no solicitation of its own (NTF_USE): it needs a link-local source for one.
    /// </summary>
    static async Task<bool> HasTentativeAddress(VethTestBed bed) =>
        (await Command.RunCheckedAsync("ip",
            ["-n", bed.GeneratorNamespace, "-6", "addr", "show", "dev", bed.GeneratorInterface, "tentative"])).Stdout.Trim().Length > 0;

    /// <summary>The generator's neighbour entry for <paramref name="address"/> as `ip neigh` prints it, or null.</summary>
    static async Task<string?> NeighbourLine(VethTestBed bed, IPAddress address)
    {
        var text = (await Command.RunCheckedAsync("ip",
            ["-n", bed.GeneratorNamespace, "neigh", "show", address.ToString(), "dev", bed.GeneratorInterface])).Stdout.Trim();
        return text.Length == 0 ? null : text;
    }
}
