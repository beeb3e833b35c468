using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>How summaries name a run's result ("result" in --json).</summary>
internal static class RunResultNames
{
    public static string Of(RunResult result) => result switch
    {
        RunResult.Completed => "completed",
        RunResult.Stopped => "stopped",
        RunResult.CannotTransmit => "cannot-transmit",
        _ => "failed",
    };
}
