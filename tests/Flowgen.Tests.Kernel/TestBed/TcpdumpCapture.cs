using System.Buffers.Binary;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// <c>tcpdump -w</c> on one interface of a test namespace, decoded from the pcap file once stopped.
/// Unlike <see cref="PacketCapture{T}"/> it copies each frame into its ring at once, so the kernel
/// gets the frame's page back straight away, and libpcap restores a received 802.1Q tag.
/// </summary>
public sealed class TcpdumpCapture : IAsyncDisposable
{
    const int PcapFileHeader = 24;
    const int PcapRecordHeader = 16;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    readonly ChildProcess _tcpdump;
    readonly string _file;

    TcpdumpCapture(ChildProcess tcpdump, string file)
    {
        _tcpdump = tcpdump;
        _file = file;
    }

    /// <summary>Starts capturing what <paramref name="filter"/> selects; returns once tcpdump listens.</summary>
    public static async Task<TcpdumpCapture> StartAsync(string ns, string iface, string filter)
    {
        string tcpdump = ToolRequirement.Ensure("tcpdump", "apt-get install tcpdump");
        string file = Path.Combine(Path.GetTempPath(), $"flowgen-capture-{Guid.NewGuid():N}.pcap");
        var process = ChildProcess.Start(ns, "sh", "-c",
            $"exec {tcpdump} -i {iface} -w {file} -U --immediate-mode -B 65536 '{filter}' 2>&1");
        await process.WaitForLineAsync(line => line.Contains("listening on", StringComparison.Ordinal), Patience);
        return new TcpdumpCapture(process, file);
    }

    /// <summary>Stops tcpdump (SIGINT: it writes out what it has); returns every frame it captured.</summary>
    public async Task<IReadOnlyList<byte[]>> StopAsync()
    {
        _tcpdump.Signal("INT");
        await _tcpdump.WaitForExitAsync(Patience);
        var bytes = await File.ReadAllBytesAsync(_file);
        var frames = new List<byte[]>();
        for (int at = PcapFileHeader; at + PcapRecordHeader <= bytes.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8));
            frames.Add(bytes[(at + PcapRecordHeader)..(at + PcapRecordHeader + length)]);
            at += PcapRecordHeader + length;
        }
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        await _tcpdump.DisposeAsync();
        File.Delete(_file);
    }
}
