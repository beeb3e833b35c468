using Flowgen.Contract;
using Flowgen.Engine;
using Flowgen.Interop;

namespace Flowgen.Cli;

/// <summary>Stable exit codes (ARCHITECTURE.md): scripts, the agent and the operator rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the limit was reached, or the user stopped it and the summary was printed.</summary>
    public const int Done = 0;

    /// <summary>The run failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad option or value.</summary>
    public const int Usage = 2;

    /// <summary>The environment can't do it: not root, old kernel, interface missing or unable.</summary>
    public const int Environment = 3;

    /// <summary>How a run that got going ended.</summary>
    public static int Of(RunResult result) => result switch
    {
        RunResult.Completed or RunResult.Stopped => Done,
        RunResult.CannotTransmit => Environment,
        _ => Failed,
    };

    /// <summary>What a job that could not get going failed with.</summary>
    public static int Of(Exception failure) => failure switch
    {
        UsageException => Usage,
        EnvironmentException or XdpAttachException => Environment,
        _ => Failed,
    };
}
