using System.Net.Sockets;

namespace Flowgen.Contract;

/// <summary>
/// Frame and header sizes in bytes. A wire size (<c>-s</c>) counts the 4-byte FCS, as
/// xdp-trafficgen and RFC 2544 do; the bytes Flowgen builds and hands to the kernel do not,
/// because the NIC appends the FCS.
/// </summary>
public static class FrameSizes
{
    public const int Fcs = 4;
    public const int MacAddress = 6;
    public const int EthernetHeader = 14;
    public const int Ipv4Header = 20;
    public const int Ipv6Header = 40;
    public const int UdpHeader = 8;

    /// <summary>An IEEE 802.1Q tag: TPID 0x8100 and the tag control information.</summary>
    public const int VlanTag = 4;

    /// <summary>struct flowgen_probe (bpf/flowgen.h): what --stamp writes at the start of the UDP payload.</summary>
    public const int Probe = 40;

    /// <summary>
    /// Live-frames mode (BPF_PROG_RUN with BPF_F_TEST_XDP_LIVE_FRAMES) keeps each frame in one
    /// page, which also holds the XDP headroom, the kernel's cached per-page state and the
    /// skb_shared_info tailroom (kernel commit b6f1f780b393): on 4 KiB pages at most 3408
    /// bytes of frame data are accepted; more fails with EINVAL.
    /// </summary>
    public const int MaxKernelFrame = 3408;

    public const int EthernetMinimumWire = 64;

    /// <summary>Ethernet header plus FCS: what MTU does not count but the wire does.</summary>
    private const int EthernetOverhead = EthernetHeader + Fcs;

    /// <summary>The smallest UDP frame of this family on the wire: 64 for IPv4, 66 for IPv6 (70 with an 802.1Q tag).</summary>
    public static int MinimumWireSize(AddressFamily family, bool tagged = false) =>
        Math.Max(EthernetMinimumWire, EthernetHeader + Tag(tagged) + IpHeader(family) + UdpHeader + Fcs);

    /// <summary>The smallest frame that holds a probe after the UDP header: 86 for IPv4, 106 for IPv6.</summary>
    public static int MinimumStampedWireSize(AddressFamily family, bool tagged = false) =>
        Math.Max(EthernetMinimumWire, EthernetHeader + Tag(tagged) + IpHeader(family) + UdpHeader + Probe + Fcs);

    private static int Tag(bool tagged) => tagged ? VlanTag : 0;

    /// <summary>
    /// The largest frame on the wire for an interface MTU, capped at one kernel page. The kernel
    /// lets an 802.1Q tag come on top of the MTU (xdp_ok_fwd_dev allows MTU + 14 + 4 bytes).
    /// </summary>
    public static int MaximumWireSize(int mtu, bool tagged = false) => Math.Min(mtu + EthernetOverhead + Tag(tagged), MaxKernelFrame + Fcs);

    /// <summary>The largest frame on the wire that fits one page: 3412.</summary>
    public const int MaxWireSize = MaxKernelFrame + Fcs;

    /// <summary>The largest UDP payload any frame can carry (IPv4 at the largest size).</summary>
    public const int MaximumUdpPayload = MaxKernelFrame - EthernetHeader - Ipv4Header - UdpHeader;

    /// <summary>The bytes handed to the kernel for a frame of this size on the wire.</summary>
    public static int KernelFrameLength(int wireSize) => wireSize - Fcs;

    public static int IpHeader(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => Ipv4Header,
        AddressFamily.InterNetworkV6 => Ipv6Header,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "only IPv4 and IPv6 are supported"),
    };
}
