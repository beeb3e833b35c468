namespace Flowgen.Engine;

internal enum RunResult
{
    /// <summary>The frame limit or the duration was reached.</summary>
    Completed,

    /// <summary>Stopped from outside (signal, control API) before its limit.</summary>
    Stopped,

    /// <summary>The interface refused the frames: nothing could be sent.</summary>
    CannotTransmit,

    /// <summary>Something else went wrong.</summary>
    Failed,
}

internal sealed record RunOutcome(RunResult Result, GeneratorCounters Counters, TimeSpan Elapsed, string? Reason = null);
