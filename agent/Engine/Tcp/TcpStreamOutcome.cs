namespace Flowgen.Engine.Tcp;

/// <summary>How a TCP job's streaming ended. <paramref name="CleanClose"/>: every flow's FIN exchange completed.</summary>
internal sealed record TcpStreamOutcome(RunResult Result, TcpCounters Counters, TimeSpan Elapsed, string? Reason = null, bool CleanClose = false);
