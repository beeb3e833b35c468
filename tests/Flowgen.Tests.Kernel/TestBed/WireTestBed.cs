using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Three namespaces in a row, generator ⇄ wire ⇄ sink: veth-gen (generator) is paired with wire-a,
/// wire-b with veth-sink (sink), and the wire namespace joins wire-a and wire-b only through an XDP
/// program (<c>flowgen wire</c>, see <see cref="RunningWire"/>). Generator and sink share one subnet;
/// the wire is transparent at layer 2, so each has the other's MAC as a permanent neighbour, and no
/// ARP or neighbour discovery depends on the wire. Dispose it (<c>await using</c>) so its namespaces
/// go also when the test fails.
/// </summary>
/// <remarks>
/// Frames forwarded by XDP into a veth are delivered only if its peer has XDP or GRO: GRO is on at
/// both hosts. Transmit checksum offload is off at both hosts: XDP turns a locally sent skb into a
/// bare frame, and a checksum left to the "hardware" would arrive unfinished (TcpInCsumErrors).
/// The wire's own interfaces have IPv6 off and no address, so they send nothing of their own.
/// </remarks>
public sealed class WireTestBed : IGeneratorSinkBed, IAsyncDisposable
{
    public const string WireInterfaceA = "wire-a";
    public const string WireInterfaceB = "wire-b";

    static readonly WireBedHost GeneratorSide = new("wgen", "veth-gen", IPAddress.Parse("198.18.0.1"), IPAddress.Parse("2001:db8::1"));
    static readonly WireBedHost SinkSide = new("wsink", "veth-sink", IPAddress.Parse("198.18.0.2"), IPAddress.Parse("2001:db8::2"));
    const string WireRole = "wire";

    readonly IReadOnlyList<string> _namespaces;
    int _disposed;

    WireTestBed(IReadOnlyList<string> namespaces, LinkInfo generator, LinkInfo sink)
    {
        _namespaces = namespaces;
        (GeneratorNamespace, WireNamespace, SinkNamespace) = (namespaces[0], namespaces[1], namespaces[2]);
        GeneratorMac = generator.Mac;
        SinkMac = sink.Mac;
        SinkIfindex = sink.Ifindex;
    }

    public string GeneratorNamespace { get; }
    public string WireNamespace { get; }
    public string SinkNamespace { get; }
    public string GeneratorInterface => GeneratorSide.Interface;
    public string SinkInterface => SinkSide.Interface;
    public int SinkIfindex { get; }
    public PhysicalAddress GeneratorMac { get; }
    public PhysicalAddress SinkMac { get; }
    public IPAddress SinkIPv4 => SinkSide.IPv4;
    public IPAddress SinkIPv6 => SinkSide.IPv6;

    /// <param name="variant">Part of the namespace names: two beds open at once need different variants.</param>
    public static async Task<WireTestBed> CreateAsync(int variant = 0)
    {
        await TestNamespaces.SweepDeadOwnersAsync();
        string[] names = [.. new[] { GeneratorSide.Role, WireRole, SinkSide.Role }.Select(role => TestNamespaces.Name(variant, role))];
        var created = new List<string>();
        try
        {
            foreach (var ns in names)
            {
                await Netns.AddAsync(ns);
                created.Add(ns);
            }
            var (generatorNs, wireNs, sinkNs) = (names[0], names[1], names[2]);
            await WireBedHost.Ip(generatorNs, "link", "add", GeneratorSide.Interface, "type", "veth", "peer", "name", WireInterfaceA, "netns", wireNs);
            await WireBedHost.Ip(sinkNs, "link", "add", SinkSide.Interface, "type", "veth", "peer", "name", WireInterfaceB, "netns", wireNs);
            await WireBedHost.ConfigureWireAsync(wireNs, WireInterfaceA, WireInterfaceB);
            await GeneratorSide.ConfigureAsync(generatorNs);
            await SinkSide.ConfigureAsync(sinkNs);
            var generator = await LinkInfo.ReadAsync(generatorNs, GeneratorSide.Interface);
            var sink = await LinkInfo.ReadAsync(sinkNs, SinkSide.Interface);
            await GeneratorSide.AddNeighbourAsync(generatorNs, SinkSide, sink.Mac);
            await SinkSide.AddNeighbourAsync(sinkNs, GeneratorSide, generator.Mac);
            return new WireTestBed(names, generator, sink);
        }
        catch
        {
            foreach (var ns in created)
                await TestNamespaces.RemoveAsync(ns);
            throw;
        }
    }

    /// <summary>Deletes the three namespaces, which removes both veth pairs. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        foreach (var ns in _namespaces.Reverse())
            await TestNamespaces.RemoveAsync(ns);
    }
}
