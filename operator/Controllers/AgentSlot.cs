namespace Flowgen.Operator.Controllers;

/// <summary>One agent the flow needs: on this node, out of this interface, maybe to this MAC.</summary>
internal sealed record AgentSlot(string Node, string Interface, string? DstMac);
