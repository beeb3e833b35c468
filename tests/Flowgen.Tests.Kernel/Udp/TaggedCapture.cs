using System.Buffers.Binary;
using Flowgen.Tests.Kernel.TestBed;
using PacketDotNet;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>One captured 802.1Q-tagged UDP frame: its tag and whether PacketDotNet finds its checksums valid.</summary>
public sealed record TaggedUdpFrame(int VlanId, int Priority, bool ChecksumsValid);

/// <summary>
/// <c>tcpdump -w</c> at the receiver, for the 802.1Q tag: the receiving kernel moves the tag out of
/// the frame before packet sockets see it, and libpcap puts it back from the socket's auxiliary
/// data. The pcap file is then decoded by PacketDotNet.
/// </summary>
public sealed class TaggedCapture : IAsyncDisposable
{
    const int PcapFileHeader = 24;
    const int PcapRecordHeader = 16;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    readonly ChildProcess _tcpdump;
    readonly string _file;

    TaggedCapture(ChildProcess tcpdump, string file)
    {
        _tcpdump = tcpdump;
        _file = file;
    }

    /// <summary>Starts capturing tagged UDP frames on the interface; returns once tcpdump listens.</summary>
    public static async Task<TaggedCapture> StartAsync(string ns, string iface)
    {
        string tcpdump = ToolRequirement.Ensure("tcpdump", "apt-get install tcpdump");
        string file = Path.Combine(Path.GetTempPath(), $"flowgen-vlan-{Guid.NewGuid():N}.pcap");
        var process = ChildProcess.Start(ns, "sh", "-c",
            $"exec {tcpdump} -i {iface} -w {file} -U --immediate-mode -B 65536 'vlan and udp' 2>&1");
        await process.WaitForLineAsync(line => line.Contains("listening on", StringComparison.Ordinal), Patience);
        return new TaggedCapture(process, file);
    }

    /// <summary>Stops tcpdump (SIGINT: it writes out what it has), then decodes the file.</summary>
    public async Task<IReadOnlyList<TaggedUdpFrame>> StopAsync()
    {
        _tcpdump.Signal("INT");
        await _tcpdump.WaitForExitAsync(Patience);
        var bytes = await File.ReadAllBytesAsync(_file);
        var frames = new List<TaggedUdpFrame>();
        for (int at = PcapFileHeader; at + PcapRecordHeader <= bytes.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8));
            byte[] frame = bytes[(at + PcapRecordHeader)..(at + PcapRecordHeader + length)];
            at += PcapRecordHeader + length;
            if (Packet.ParsePacket(LinkLayers.Ethernet, frame) is EthernetPacket { PayloadPacket: Ieee8021QPacket tag }
                && tag.PayloadPacket is IPPacket { PayloadPacket: UdpPacket udp } ip)
                frames.Add(new TaggedUdpFrame(tag.VlanIdentifier, (int)tag.PriorityControlPoint,
                    udp.ValidUdpChecksum && (ip is not IPv4Packet v4 || v4.ValidIPChecksum)));
        }
        return frames;
    }

    public async ValueTask DisposeAsync()
    {
        await _tcpdump.DisposeAsync();
        File.Delete(_file);
    }
}
