using System.Net;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// <c>config/samples/udp-basic.yaml</c> adapted to a test node, as a user would with sed, in a temporary
/// file that disposing deletes: its interface (<c>ens1f0</c>) becomes the node's, its destination the
/// sink's, and its 60 s duration a few seconds so the test stays short. Each line is replaced exactly
/// once, so a changed sample fails here rather than sending somewhere else.
/// </summary>
public sealed class SampleFlow : IDisposable
{
    public const string Name = "udp-basic";
    static readonly string Sample = RepoFiles.Path("config", "samples", "udp-basic.yaml");

    readonly DirectoryInfo _directory;

    SampleFlow(DirectoryInfo directory, string file)
    {
        _directory = directory;
        FilePath = file;
    }

    public string FilePath { get; }

    public static SampleFlow Adapt(string iface, IPAddress destination, int durationSeconds)
    {
        var text = File.ReadAllText(Sample);
        text = ReplaceOnce(text, "interface: ens1f0", $"interface: {iface}");
        text = ReplaceOnce(text, "dstAddress: 198.18.0.2", $"dstAddress: {destination}");
        text = ReplaceOnce(text, "duration: 60s", $"duration: {durationSeconds}s");
        RequireOnce(text, $"name: {Name}");
        var directory = Directory.CreateTempSubdirectory("flowgen-sample-");
        var file = System.IO.Path.Combine(directory.FullName, "udp-basic.yaml");
        File.WriteAllText(file, text);
        return new SampleFlow(directory, file);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    static string ReplaceOnce(string text, string line, string replacement)
    {
        RequireOnce(text, line);
        return text.Replace(line, replacement, StringComparison.Ordinal);
    }

    static void RequireOnce(string text, string line)
    {
        var count = text.Split('\n').Count(l => l.Trim() == line);
        if (count != 1)
            throw new InvalidOperationException($"{Sample} has the line `{line}` {count} times instead of once: adapt this test to the sample");
    }
}
