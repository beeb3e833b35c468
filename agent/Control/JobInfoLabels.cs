using System.Globalization;
using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>
/// The shape of a UDP job as the labels of flowgen_job_info (the *_info pattern: the value is 1, the
/// facts are in the labels). One series per agent, and each label holds one option's value as the
/// user wrote it, so the labels stay few and bounded.
/// </summary>
internal static class JobInfoLabels
{
    public static readonly string[] Names = ["vlan", "sizes", "flow_order", "probes"];

    /// <summary>The values for <see cref="Names"/>; null for a job without that shape (TCP).</summary>
    public static string[]? Of(IGeneratorJob job) => job is UdpJob udp
        ?
        [
            udp.Vlan?.ToString() ?? "",
            udp.SizeMix?.ToString() ?? udp.FrameSize.ToString(CultureInfo.InvariantCulture),
            udp.RandomFlows ? "random" : "seq",
            udp.Latency ? "latency" : udp.Stamp ? "stamp" : "none",
        ]
        : null;
}
