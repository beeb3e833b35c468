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
}
