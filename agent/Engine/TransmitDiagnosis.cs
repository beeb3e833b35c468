using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>What a redirect error means for the user, and what to do about it.</summary>
internal static class TransmitDiagnosis
{
    public static string Explain(int errno) => errno switch
    {
        Errno.EOPNOTSUPP =>
            "the interface refuses XDP frames (EOPNOTSUPP): its driver has no ndo_xdp_xmit, or it is a veth " +
            "whose peer has neither an XDP program nor GRO — run 'ethtool -K PEER gro on' on the peer " +
            "(in the peer's namespace), or attach an XDP program there; 'flowgen probe IFACE' checks it",
        Errno.EMSGSIZE =>
            "the frame is larger than the interface's MTU allows (EMSGSIZE): lower -s or raise the MTU",
        Errno.ENETDOWN =>
            "the interface or its peer is down (ENETDOWN): bring both up with 'ip link set DEV up'",
        Errno.ENXIO =>
            "the interface cannot transmit XDP frames now (ENXIO): on a veth, its peer needs an XDP program or GRO " +
            "— run 'ethtool -K PEER gro on' on the peer (in the peer's namespace)",
        Errno.EINVAL =>
            "the kernel rejected the redirect (EINVAL): is the target interface in this network namespace?",
        _ => $"every frame failed with {Errno.Describe(errno)}",
    };
}
