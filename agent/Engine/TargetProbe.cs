using Flowgen.Contract;
using Flowgen.Interop;
using Flowgen.Packets;

namespace Flowgen.Engine;

/// <summary>Whether an interface can send live frames; when not, why and what to do.</summary>
internal sealed record ProbeResult(string Interface, string? Driver, int Mtu, bool CanTransmit, string? Problem)
{
    /// <summary>The largest -s the interface accepts.</summary>
    public int LargestFrame => FrameSizes.MaximumWireSize(Mtu);
}

/// <summary>
/// Sends one harmless frame through the generator path and reads what the kernel did with it.
/// libbpf 1.1 cannot read XDP feature flags (KERNEL-NOTES), and a veth's ability depends on
/// its peer, possibly in another namespace: trying is the only reliable test.
/// </summary>
internal static class TargetProbe
{
    public static ProbeResult Check(string interfaceName)
    {
        HostRequirements.EnsurePrivileged();
        InterfaceInfo iface = TargetInterface.Find(interfaceName);
        HostRequirements.EnsureLiveFrames();

        var config = new GenConfig { TargetIfindex = (uint)iface.Index, JobTgid = (uint)Environment.ProcessId, SizeClassCount = 1 };
        using var program = GeneratorProgram.Load(GeneratorProgramKind.Udp, config);
        int errno = LiveFrames.Run(program.Xdp.Fd, ProbeFrame.Build(iface.Mac), repeat: 1, batchSize: 1);
        if (errno != 0)
            return new ProbeResult(iface.Name, iface.Driver, iface.Mtu, false, $"BPF_PROG_RUN failed: {Errno.Describe(errno)}");

        GeneratorCounters counters = program.ReadCounters();
        if (counters.Sent == 1)
            return new ProbeResult(iface.Name, iface.Driver, iface.Mtu, true, null);
        return new ProbeResult(iface.Name, iface.Driver, iface.Mtu, false, Explain(iface, counters));
    }

    private static string Explain(InterfaceInfo iface, GeneratorCounters counters)
    {
        if (counters.DominantErrno is Errno.EOPNOTSUPP or Errno.ENXIO && iface.Driver == "veth")
            return $"{iface.Name} is a veth whose peer has neither an XDP program nor GRO, so it refuses XDP frames: " +
                   "run 'ethtool -K PEER gro on' on its peer (in the peer's namespace), or attach an XDP program there " +
                   "(e.g. 'flowgen sink PEER')";
        if (counters.DominantErrno is Errno.EOPNOTSUPP)
            return $"{iface.Name}'s driver ({iface.Driver ?? "unknown"}) cannot transmit XDP frames (no ndo_xdp_xmit); " +
                   "some drivers (mlx5, ice, i40e, ixgbe, igb, igc, bnxt, ena, gve) only can while an XDP program is attached: " +
                   "attach one (e.g. 'flowgen sink') and probe again";
        if (counters.DominantErrno is { } errno)
            return TransmitDiagnosis.Explain(errno);
        return counters.Dropped > 0
            ? $"{iface.Name}'s driver dropped the probe frame: its transmit ring may be full or the link down"
            : $"the probe frame was neither sent nor reported as failed on {iface.Name}";
    }
}
