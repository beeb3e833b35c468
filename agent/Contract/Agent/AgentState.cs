namespace Flowgen.Contract;

/// <summary>
/// Where an agent's job is: Preparing → Armed → Running → Succeeded | Failed | Stopped.
/// A job can also fail while preparing, or be stopped while armed.
/// </summary>
public enum AgentState
{
    /// <summary>Loading BPF objects; resolving the interface, MACs and addresses.</summary>
    Preparing,

    /// <summary>Ready to send: everything is loaded and checked; waiting for a start.</summary>
    Armed,

    /// <summary>Sending (or waiting for the start instant it was given).</summary>
    Running,

    /// <summary>The job reached its limit.</summary>
    Succeeded,

    /// <summary>The job could not be prepared or run; the status says why.</summary>
    Failed,

    /// <summary>Stopped before its limit, by request or signal.</summary>
    Stopped,
}

public static class AgentStates
{
    /// <summary>Succeeded, Failed and Stopped: the job is over and its figures are final.</summary>
    public static bool IsFinal(this AgentState state) => state is AgentState.Succeeded or AgentState.Failed or AgentState.Stopped;

    /// <summary>Armed or later, and not failed: what /readyz reports.</summary>
    public static bool IsReady(this AgentState state) =>
        state is AgentState.Armed or AgentState.Running or AgentState.Succeeded or AgentState.Stopped;
}
