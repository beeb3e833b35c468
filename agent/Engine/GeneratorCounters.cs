using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// What became of a job's frames, summed over CPUs. Once no call is in flight,
/// Attempted == Sent + Dropped + RedirectErrors.
/// </summary>
internal sealed record GeneratorCounters(
    long Attempted,
    long Sent,
    long Dropped,
    long RedirectErrors,
    IReadOnlyDictionary<int, long> RedirectErrorsByErrno,
    IReadOnlyList<CpuCounters> PerCpu)
{
    public static GeneratorCounters Zero { get; } =
        new(0, 0, 0, 0, new Dictionary<int, long>(), []);

    /// <summary>Program runs that rate control held back: not frames, never counted as dropped.</summary>
    public long Paced { get; init; }

    /// <summary>Frames the program handed out per size class (the job's sizes in ascending order); all 0 for a template sent untouched.</summary>
    public IReadOnlyList<long> FramesBySizeClass { get; init; } = [];

    /// <summary>The errno that explains most redirect errors, if any.</summary>
    public int? DominantErrno => RedirectErrorsByErrno.Count == 0
        ? null
        : RedirectErrorsByErrno.MaxBy(pair => pair.Value).Key;

    /// <summary>Redirect errors keyed by errno name (EOPNOTSUPP, …), as reports and metrics label them.</summary>
    public IReadOnlyDictionary<string, long> RedirectErrorsByReason =>
        RedirectErrorsByErrno.ToDictionary(pair => Errno.Name(pair.Key) ?? $"errno {pair.Key}", pair => pair.Value);
}

/// <summary>One CPU's share; a generator thread is pinned to one CPU, so this is per thread too.</summary>
internal readonly record struct CpuCounters(int Cpu, long Attempted, long Sent, long Dropped, long RedirectErrors);
