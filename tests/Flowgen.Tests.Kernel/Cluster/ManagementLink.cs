using System.Globalization;
using System.Net;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// A veth pair from the root network namespace (where the operator runs) into a node's namespace: the
/// cluster's node network, over which the operator reaches an agent at its pod IP. Its /30 lies in
/// 198.19.0.0/16 (the test bed uses 198.18.0.0/24) and is chosen from this process id, so two test
/// processes at once don't collide. Deleting the root end deletes the pair; deleting the node's
/// namespace does too, so a killed run's link goes with the next run's namespace sweep.
/// </summary>
public sealed class ManagementLink : IAsyncDisposable
{
    const int PrefixLength = 30;
    const string NodeSideName = "mgmt0";
    int _disposed;

    ManagementLink(string rootInterface, string nodeNamespace, IPAddress rootAddress, IPAddress nodeAddress)
    {
        RootInterface = rootInterface;
        NodeNamespace = nodeNamespace;
        RootAddress = rootAddress;
        NodeAddress = nodeAddress;
    }

    /// <summary>The root namespace's end, <c>fgt&lt;pid&gt;-mgmt</c> (at most 15 characters).</summary>
    public string RootInterface { get; }

    public string NodeNamespace { get; }

    public IPAddress RootAddress { get; }

    /// <summary>The node's address on the link: its InternalIP, and the pod IP of its host-network pods.</summary>
    public IPAddress NodeAddress { get; }

    public static async Task<ManagementLink> CreateAsync(string nodeNamespace)
    {
        var pid = Environment.ProcessId;
        var rootInterface = $"fgt{pid.ToString(CultureInfo.InvariantCulture)}-mgmt";
        var (rootAddress, nodeAddress) = AddressesFor(pid);
        await Command.RunCheckedAsync("ip",
            ["link", "add", rootInterface, "type", "veth", "peer", "name", NodeSideName, "netns", nodeNamespace]);
        var link = new ManagementLink(rootInterface, nodeNamespace, rootAddress, nodeAddress);
        try
        {
            await Command.RunCheckedAsync("ip", ["addr", "add", $"{rootAddress}/{PrefixLength}", "dev", rootInterface]);
            await Command.RunCheckedAsync("ip", ["link", "set", rootInterface, "up"]);
            await Command.RunCheckedAsync("ip", ["-n", nodeNamespace, "addr", "add", $"{nodeAddress}/{PrefixLength}", "dev", NodeSideName]);
            await Command.RunCheckedAsync("ip", ["-n", nodeNamespace, "link", "set", NodeSideName, "up"]);
            return link;
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
    }

    /// <summary>True while an interface of that name exists in the root namespace.</summary>
    public static async Task<bool> ExistsAsync(string rootInterface) =>
        (await Command.RunAsync("ip", ["link", "show", "dev", rootInterface])).ExitCode == 0;

    /// <summary>Deletes the pair. Never throws (a deleted node namespace has taken it already).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || !await ExistsAsync(RootInterface))
            return;
        var result = await Command.RunAsync("ip", ["link", "del", "dev", RootInterface]);
        if (result.ExitCode != 0)
            Console.Error.WriteLine($"test bed: could not delete {RootInterface}: {result.Describe()}");
    }

    // 16384 /30 blocks in 198.19.0.0/16; .1 is the root end, .2 the node.
    static (IPAddress Root, IPAddress Node) AddressesFor(int pid)
    {
        var block = pid % 16384;
        var third = block / 64;
        var fourth = block % 64 * 4;
        return (IPAddress.Parse($"198.19.{third}.{fourth + 1}"), IPAddress.Parse($"198.19.{third}.{fourth + 2}"));
    }
}
