using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// A bounded <c>flowgen udp</c> run into a sink that passes frames to the receiving stack, seen
/// two independent ways: every frame captured at the receiver and checked by PacketDotNet, and
/// the receiving kernel's UDP counters (it verifies each checksum before looking for a socket).
/// </summary>
public sealed record CapturedUdpRun(UdpRun Run, IReadOnlyList<CapturedUdpFrame> Frames, long KernelReceived, long KernelChecksumErrors)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // PacketDotNet decodes datagrams from or to port 9 (flowgen's default) as Wake-on-LAN and throws
    // on some payloads, so a test that gives no -p/-P sends from and to other ports.
    static readonly string[][] AwayFromPort9 = [["-p", "5000"], ["-P", "5001"]];

    public static async Task<CapturedUdpRun> RunAsync(IGeneratorSinkBed bed, IpVersion version, int count, params string[] options)
    {
        using var capture = PacketCapture.Open(bed.SinkNamespace, CapturedUdpFrame.Parse);
        await using var sink = await RunningSink.StartAsync(bed, pass: true);
        var before = await Snmp.ReadAsync(bed.SinkNamespace);
        string[] ports = [.. AwayFromPort9.Where(pair => !options.Contains(pair[0])).SelectMany(pair => pair)];
        var run = await UdpGenerator.RunAsync(bed, version, [.. ports, .. options, "-n", $"{count}"]);
        var frames = capture.Read(seen => seen.Count >= count, Patience);
        var after = await Eventually.ReadAsync(() => Snmp.ReadAsync(bed.SinkNamespace), now => Received(now, before, version) >= count, Patience);
        var (_, errors) = Names(version);
        return new CapturedUdpRun(run, frames, Received(after, before, version), after[errors] - before[errors]);
    }

    /// <summary>Datagrams the kernel's UDP saw: delivered to a socket, to a port nobody listens on, or refused for their checksum.</summary>
    static long Received(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before, IpVersion version)
    {
        var (prefix, errors) = Names(version);
        long Delta(string name) => after[name] - before[name];
        return Delta($"{prefix}InDatagrams") + Delta($"{prefix}NoPorts") + Delta(errors);
    }

    static (string Prefix, string ChecksumErrors) Names(IpVersion version) =>
        version == IpVersion.IPv4 ? ("Udp.", "Udp.InCsumErrors") : ("Udp6", "Udp6InCsumErrors");

    /// <summary>Asserts the run sent <paramref name="count"/> frames and both oracles saw each one intact.</summary>
    public void AssertAllArrivedIntact(int count)
    {
        Assert.True(Run.Process.ExitCode == 0 && Run.Summary.Sent == count, Run.Describe());
        Assert.Equal(0, KernelChecksumErrors);
        Assert.Equal(count, KernelReceived);
        Assert.Equal(count, Frames.Count);
        var bad = Frames.Where(f => !f.ChecksumsValid || !f.LengthsMatch).Take(5).ToList();
        Assert.True(bad.Count == 0, $"frames with bad checksums or lengths: {string.Join("; ", bad)}");
    }
}
