using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Two test hosts, generator and sink, each in its own network namespace, joined by a veth pair.
/// Dispose it (<c>await using</c>) so its namespaces go also when the test fails.
/// </summary>
public sealed class VethTestBed : IGeneratorSinkBed, IAsyncDisposable
{
    public const int IPv4PrefixLength = 24;
    public const int IPv6PrefixLength = 64;

    // Interface names are at most 15 characters (IFNAMSIZ).
    static readonly Host GeneratorSide = new("gen", "veth-gen", IPAddress.Parse("198.18.0.1"), IPAddress.Parse("2001:db8::1"));
    static readonly Host SinkSide = new("sink", "veth-sink", IPAddress.Parse("198.18.0.2"), IPAddress.Parse("2001:db8::2"));

    readonly Created _generator;
    readonly Created _sink;
    int _disposed;

    VethTestBed(VethTestBedOptions options, Created generator, Created sink)
    {
        Options = options;
        _generator = generator;
        _sink = sink;
    }

    public VethTestBedOptions Options { get; }
    public string GeneratorNamespace => _generator.Namespace;
    public string SinkNamespace => _sink.Namespace;
    public string GeneratorInterface => _generator.Host.Interface;
    public string SinkInterface => _sink.Host.Interface;
    public PhysicalAddress GeneratorMac => _generator.Link.Mac;
    public PhysicalAddress SinkMac => _sink.Link.Mac;
    public IPAddress GeneratorIPv4 => _generator.Host.IPv4;
    public IPAddress SinkIPv4 => _sink.Host.IPv4;
    public IPAddress GeneratorIPv6 => _generator.Host.IPv6;
    public IPAddress SinkIPv6 => _sink.Host.IPv6;
    public int GeneratorIfindex => _generator.Link.Ifindex;
    public int SinkIfindex => _sink.Link.Ifindex;

    public static async Task<VethTestBed> CreateAsync(VethTestBedOptions? options = null)
    {
        options ??= new VethTestBedOptions();
        await TestNamespaces.SweepDeadOwnersAsync();
        var generatorNamespace = TestNamespaces.Name(options.Variant, GeneratorSide.Role);
        var sinkNamespace = TestNamespaces.Name(options.Variant, SinkSide.Role);
        var created = new List<string>();
        try
        {
            foreach (var ns in new[] { generatorNamespace, sinkNamespace })
            {
                await AddNamespaceAsync(ns, options.Variant);
                created.Add(ns);
            }
            await Ip(generatorNamespace, "link", "add", GeneratorSide.Interface, "type", "veth",
                "peer", "name", SinkSide.Interface, "netns", sinkNamespace);
            await GeneratorSide.ConfigureAsync(generatorNamespace, options.GeneratorGro);
            await SinkSide.ConfigureAsync(sinkNamespace, options.SinkGro);
            var generator = await LinkInfo.ReadAsync(generatorNamespace, GeneratorSide.Interface);
            var sink = await LinkInfo.ReadAsync(sinkNamespace, SinkSide.Interface);
            if (options.StaticNeighbours)
            {
                await GeneratorSide.AddNeighbourAsync(generatorNamespace, SinkSide, sink.Mac);
                await SinkSide.AddNeighbourAsync(sinkNamespace, GeneratorSide, generator.Mac);
            }
            return new VethTestBed(options,
                new Created(GeneratorSide, generatorNamespace, generator), new Created(SinkSide, sinkNamespace, sink));
        }
        catch
        {
            foreach (var ns in created)
                await TestNamespaces.RemoveAsync(ns);
            throw;
        }
    }

    /// <summary>
    /// Runs <c>ip netns exec NS file args</c> in one of this bed's namespaces; returns stdout,
    /// throws on a non-zero exit code.
    /// </summary>
    public Task<string> ExecAsync(string ns, string file, params string[] args)
    {
        if (ns != GeneratorNamespace && ns != SinkNamespace)
            throw new ArgumentException($"{ns} is not a namespace of this test bed", nameof(ns));
        return Netns.ExecAsync(ns, file, args);
    }

    /// <summary>Deletes both namespaces, which removes the veth pair. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await TestNamespaces.RemoveAsync(SinkNamespace);
        await TestNamespaces.RemoveAsync(GeneratorNamespace);
    }

    static async Task AddNamespaceAsync(string ns, int variant)
    {
        if (await Netns.ExistsAsync(ns))
            throw new InvalidOperationException(
                $"network namespace {ns} already exists: another test bed with Variant = {variant} is still open in this process");
        await Netns.AddAsync(ns);
    }

    static Task<ProcessResult> Ip(string ns, params string[] args) => Command.RunCheckedAsync("ip", ["-n", ns, .. args]);

    sealed record Created(Host Host, string Namespace, LinkInfo Link);

    sealed record Host(string Role, string Interface, IPAddress IPv4, IPAddress IPv6)
    {
        public async Task ConfigureAsync(string ns, bool gro)
        {
            await Ip(ns, "addr", "add", $"{IPv4}/{IPv4PrefixLength}", "dev", Interface);
            // nodad: usable at once instead of after duplicate address detection.
            await Ip(ns, "addr", "add", $"{IPv6}/{IPv6PrefixLength}", "dev", Interface, "nodad");
            await Ip(ns, "link", "set", "lo", "up");
            await Ip(ns, "link", "set", Interface, "up");
            await Netns.ExecAsync(ns, "ethtool", "-K", Interface, "gro", gro ? "on" : "off");
        }

        public async Task AddNeighbourAsync(string ns, Host peer, PhysicalAddress peerMac)
        {
            foreach (var address in new[] { peer.IPv4, peer.IPv6 })
                await Ip(ns, "neigh", "replace", address.ToString(), "lladdr", MacText.Format(peerMac),
                    "dev", Interface, "nud", "permanent");
        }
    }
}
