namespace Flowgen.Operator.Api;

/// <summary>
/// What an unprivileged agent container is given (names without CAP_, as a pod's
/// securityContext writes them). On the kernels live frames need (5.18 and later):
/// BPF loads programs and maps; PERFMON loads the tp_btf counting programs on the
/// xdp_devmap_xmit and xdp_redirect_err tracepoints; NET_ADMIN loads and attaches XDP
/// programs and sends netlink requests (neighbour lookups). BPF_PROG_RUN itself needs nothing
/// more, and since 5.11 BPF memory is charged to the cgroup, so no memlock rlimit (SYS_RESOURCE)
/// and no SYS_ADMIN are needed.
/// </summary>
public static class AgentCapabilities
{
    public static IReadOnlyList<string> Minimal { get; } = ["BPF", "PERFMON", "NET_ADMIN"];
}
