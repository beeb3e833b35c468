namespace Flowgen.Control;

/// <summary>
/// A job ready to send: its BPF objects loaded and attached (for TCP, its connections made and
/// taken over). It runs once; disposing it detaches and frees everything.
/// </summary>
internal interface IArmedJob : IDisposable
{
    /// <summary>What preparing resolved (addresses, MACs, threads), for the log.</summary>
    string Summary { get; }

    /// <summary>The job's figures now, read from its BPF maps.</summary>
    JobFigures ReadFigures();

    /// <summary>Sends until the job's limit or <see cref="Stop"/>.</summary>
    Task<JobOutcome> RunAsync();

    void Stop();

    /// <summary>Changes the rate of a paced job at once; refused by a job without a rate.</summary>
    /// <exception cref="Contract.UsageException">The rate is below the slowest for the job's frames.</exception>
    Verdict ChangeRate(Contract.SendRate rate) =>
        Verdict.Refused("this job has no rate to change: only a udp job started with --rate paces its frames");
}
