using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>How an armed job's run ended, with its final figures.</summary>
/// <param name="Reason">Why it failed, or a note on a success (a TCP receiver that did not close cleanly).</param>
internal sealed record JobOutcome(RunResult Result, JobFigures Figures, string? Reason = null);
