using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

public sealed record InterfaceAddress(IPAddress Address, int PrefixLength);

/// <summary>One interface as <c>ip -j addr show</c> reports it inside a namespace.</summary>
/// <param name="PeerIfindex">For a veth whose peer sits in another namespace, the peer's ifindex there.</param>
/// <param name="OperState">"UP", "DOWN", "LOWERLAYERDOWN", …</param>
public sealed record LinkInfo(
    string Name,
    int Ifindex,
    int? PeerIfindex,
    PhysicalAddress Mac,
    string OperState,
    IReadOnlyList<InterfaceAddress> Addresses)
{
    public static async Task<LinkInfo> ReadAsync(string ns, string device)
    {
        var json = (await Command.RunCheckedAsync("ip", ["-n", ns, "-j", "addr", "show", "dev", device])).Stdout;
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement.EnumerateArray().Single());
    }

    static LinkInfo Parse(JsonElement link) => new(
        link.GetProperty("ifname").GetString()!,
        link.GetProperty("ifindex").GetInt32(),
        link.TryGetProperty("link_index", out var peer) ? peer.GetInt32() : null,
        PhysicalAddress.Parse(link.GetProperty("address").GetString()!),
        link.GetProperty("operstate").GetString()!,
        link.TryGetProperty("addr_info", out var addresses)
            ? addresses.EnumerateArray().Select(a => new InterfaceAddress(
                IPAddress.Parse(a.GetProperty("local").GetString()!), a.GetProperty("prefixlen").GetInt32())).ToList()
            : []);
}
