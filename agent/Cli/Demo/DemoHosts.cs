using System.Text.RegularExpressions;

namespace Flowgen.Cli.Demo;

/// <summary>
/// The demo's two test hosts: network namespaces fgdemo-PID-gen and fgdemo-PID-sink joined by
/// a veth pair, addressed in the benchmarking range 198.18.0.0/15 and 2001:db8::/32. Hosts left
/// by a demo that was killed (its PID is gone) are swept before new ones are made.
/// </summary>
internal sealed partial class DemoHosts : IDisposable
{
    public const string GeneratorInterface = "veth-gen";
    public const string SinkInterface = "veth-sink";
    public const string GeneratorIPv4 = "198.18.0.1";
    public const string SinkIPv4 = "198.18.0.2";
    public const string GeneratorIPv6 = "2001:db8::1";
    public const string SinkIPv6 = "2001:db8::2";

    private DemoHosts(string prefix)
    {
        GeneratorNamespace = prefix + "-gen";
        SinkNamespace = prefix + "-sink";
    }

    public string GeneratorNamespace { get; }

    public string SinkNamespace { get; }

    public static DemoHosts Create()
    {
        SweepLeftovers();
        var hosts = new DemoHosts($"fgdemo-{Environment.ProcessId}");
        try
        {
            hosts.Build();
            return hosts;
        }
        catch
        {
            hosts.Dispose();
            throw;
        }
    }

    private void Build()
    {
        foreach (string ns in new[] { GeneratorNamespace, SinkNamespace })
        {
            HostCommand.Run("ip", "netns", "add", ns);
            // Fresh links would spend ~2 s on duplicate-address detection of their IPv6
            // link-local address, during which the kernel sends no neighbour solicitation.
            HostCommand.Run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0");
        }
        HostCommand.Run("ip", "-n", GeneratorNamespace, "link", "add", GeneratorInterface, "type", "veth",
            "peer", "name", SinkInterface, "netns", SinkNamespace);
        Configure(GeneratorNamespace, GeneratorInterface, GeneratorIPv4, GeneratorIPv6);
        Configure(SinkNamespace, SinkInterface, SinkIPv4, SinkIPv6);
    }

    private static void Configure(string ns, string iface, string ipv4, string ipv6)
    {
        HostCommand.Run("ip", "-n", ns, "addr", "add", ipv4 + "/24", "dev", iface);
        HostCommand.Run("ip", "-n", ns, "addr", "add", ipv6 + "/64", "dev", iface, "nodad");
        HostCommand.Run("ip", "-n", ns, "link", "set", "lo", "up");
        HostCommand.Run("ip", "-n", ns, "link", "set", iface, "up");
    }

    /// <summary>Removes the namespaces; the veth pair goes with them.</summary>
    public void Dispose()
    {
        Remove(GeneratorNamespace);
        Remove(SinkNamespace);
    }

    private static void Remove(string ns)
    {
        if (!File.Exists(Path.Combine("/var/run/netns", ns)))
            return;
        // A process still inside would keep the namespace (and its veth) alive without a name.
        foreach (string pid in HostCommand.Run("ip", "netns", "pids", ns).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            HostCommand.TryRun("kill", "-KILL", pid.Trim());
        HostCommand.TryRun("ip", "netns", "delete", ns);
    }

    private static void SweepLeftovers()
    {
        if (!Directory.Exists("/var/run/netns"))
            return;
        foreach (string path in Directory.GetFiles("/var/run/netns"))
        {
            Match match = LeftoverName().Match(Path.GetFileName(path));
            if (match.Success && !Directory.Exists($"/proc/{match.Groups["pid"].Value}"))
                Remove(Path.GetFileName(path));
        }
    }

    [GeneratedRegex("^fgdemo-(?<pid>[0-9]+)-(gen|sink)$")]
    private static partial Regex LeftoverName();
}
