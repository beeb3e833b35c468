using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>
/// A job ready to send: its BPF objects loaded, its counting tracepoints attached. It runs once;
/// disposing it detaches and frees everything.
/// </summary>
internal interface IArmedJob : IDisposable
{
    /// <summary>What preparing resolved (addresses, MACs, threads), for the log.</summary>
    string Summary { get; }

    GeneratorCounters ReadCounters();

    /// <summary>Sends until the job's limit or <see cref="Stop"/>.</summary>
    Task<RunOutcome> RunAsync();

    void Stop();
}
