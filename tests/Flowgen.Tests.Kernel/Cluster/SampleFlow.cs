using System.Globalization;
using System.Net;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// A sample of <c>config/samples</c> adapted to a test node, as a user would with sed, in a temporary
/// file that disposing deletes: its interface (<c>ens1f0</c>) becomes the node's, its destination the
/// bed's receiver, and its duration a few seconds so the test stays short. Each line is replaced (or, for
/// what the test relies on unchanged, found) exactly once, so a changed sample fails here rather than
/// sending somewhere else.
/// </summary>
public sealed class SampleFlow : IDisposable
{
    /// <summary>Connections per agent in <c>tcp-basic.yaml</c>, required as they are: the receiver accepts this many.</summary>
    public const int TcpFlows = 2;

    readonly DirectoryInfo _directory;

    SampleFlow(string name, DirectoryInfo directory, string file)
    {
        Name = name;
        _directory = directory;
        FilePath = file;
    }

    /// <summary>The TrafficFlow's name, the sample's file name without <c>.yaml</c>.</summary>
    public string Name { get; }

    public string FilePath { get; }

    /// <summary>
    /// <c>udp-basic.yaml</c>: UDP to <paramref name="destination"/> out of <paramref name="iface"/>, at
    /// <paramref name="rate"/> (spec.udp.rate) when one is given, else as fast as it goes.
    /// </summary>
    public static SampleFlow Udp(string iface, IPAddress destination, int durationSeconds, string? rate = null) =>
        Adapt("udp-basic", iface, destination, "60s", durationSeconds,
            rate is null ? [] : [("packetSize: 64", $"packetSize: 64\nrate: {rate}")]);

    /// <summary><c>tcp-basic.yaml</c>: <see cref="TcpFlows"/> streams to <paramref name="receiver"/> out of <paramref name="iface"/>.</summary>
    public static SampleFlow Tcp(string iface, IPEndPoint receiver, int durationSeconds) =>
        Adapt("tcp-basic", iface, receiver.Address, "30s", durationSeconds,
            [("dstPort: 5201", $"dstPort: {receiver.Port.ToString(CultureInfo.InvariantCulture)}"), ($"flows: {TcpFlows}", null)]);

    public void Dispose() => _directory.Delete(recursive: true);

    /// <param name="others">Further lines to replace, or with a null replacement, to require unchanged.</param>
    static SampleFlow Adapt(
        string name, string iface, IPAddress destination, string sampleDuration, int durationSeconds,
        IEnumerable<(string Line, string? Replacement)> others)
    {
        var sample = RepoFiles.Path("config", "samples", $"{name}.yaml");
        (string Line, string? Replacement)[] lines =
        [
            ($"name: {name}", null),
            ("interface: ens1f0", $"interface: {iface}"),
            ("dstAddress: 198.18.0.2", $"dstAddress: {destination}"),
            ($"duration: {sampleDuration}", $"duration: {durationSeconds.ToString(CultureInfo.InvariantCulture)}s"),
            .. others,
        ];
        var text = File.ReadAllLines(sample);
        foreach (var (line, replacement) in lines)
            text = ReplaceOnce(sample, text, line, replacement ?? line);
        var directory = Directory.CreateTempSubdirectory("flowgen-sample-");
        var file = Path.Combine(directory.FullName, $"{name}.yaml");
        File.WriteAllLines(file, text);
        return new SampleFlow(name, directory, file);
    }

    /// <summary>
    /// The lines with the one whose content is <paramref name="line"/> now <paramref name="replacement"/>
    /// (one line or several, separated by \n), each indented as it was.
    /// </summary>
    static string[] ReplaceOnce(string sample, string[] text, string line, string replacement)
    {
        var count = text.Count(l => l.Trim() == line);
        if (count != 1)
            throw new InvalidOperationException($"{sample} has the line `{line}` {count} times instead of once: adapt this test to the sample");
        return text.SelectMany(l => l.Trim() == line
            ? replacement.Split('\n').Select(r => l[..l.IndexOf(line, StringComparison.Ordinal)] + r)
            : [l]).ToArray();
    }
}
