namespace Flowgen.Operator.Controllers;

/// <summary>Where a flow's agents go, or why they can't go anywhere (a reason for the status).</summary>
internal sealed record PlacementDecision(IReadOnlyList<AgentSlot> Slots, string? Problem)
{
    public static PlacementDecision Impossible(string problem) => new([], problem);

    public bool IsPossible => Problem is null;
}
