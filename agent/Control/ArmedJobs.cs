using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>Arms the agent's job, whichever kind it is.</summary>
internal static class ArmedJobs
{
    /// <exception cref="ArgumentException">A kind of job the agent does not run (the contract's parser refuses it first).</exception>
    public static Task<IArmedJob> ArmAsync(IGeneratorJob job, CancellationToken ct) => job switch
    {
        UdpJob udp => ArmedUdpJob.ArmAsync(udp, ct),
        TcpJob tcp => ArmedTcpJob.ArmAsync(tcp, ct),
        _ => throw new ArgumentException($"the agent does not run '{job.Mode}' jobs", nameof(job)),
    };
}
