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
    readonly TcpdumpCapture _capture;

    TaggedCapture(TcpdumpCapture capture) => _capture = capture;

    /// <summary>Starts capturing tagged UDP frames on the interface; returns once tcpdump listens.</summary>
    public static async Task<TaggedCapture> StartAsync(string ns, string iface) =>
        new(await TcpdumpCapture.StartAsync(ns, iface, "vlan and udp"));

    /// <summary>Stops tcpdump, then decodes what it captured.</summary>
    public async Task<IReadOnlyList<TaggedUdpFrame>> StopAsync()
    {
        var frames = new List<TaggedUdpFrame>();
        foreach (byte[] frame in await _capture.StopAsync())
        {
            if (Packet.ParsePacket(LinkLayers.Ethernet, frame) is EthernetPacket { PayloadPacket: Ieee8021QPacket tag }
                && tag.PayloadPacket is IPPacket { PayloadPacket: UdpPacket udp } ip)
                frames.Add(new TaggedUdpFrame(tag.VlanIdentifier, (int)tag.PriorityControlPoint,
                    udp.ValidUdpChecksum && (ip is not IPv4Packet v4 || v4.ValidIPChecksum)));
        }
        return frames;
    }

    public ValueTask DisposeAsync() => _capture.DisposeAsync();
}
