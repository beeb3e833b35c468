namespace Flowgen.Operator.Api;

/// <summary>
/// Condition types of <c>status.conditions</c>. Ready: every agent is Armed or running (False
/// before, and after the run). Progressing: the run is not over yet (True from Pending through
/// Running). Failed: the run failed; the condition's reason and message say why.
/// </summary>
public static class FlowConditions
{
    public const string Ready = "Ready";
    public const string Progressing = "Progressing";
    public const string Failed = "Failed";
}
