namespace Flowgen.Operator.Agents;

/// <summary>Labels and annotations on agent pods: how the operator finds a flow's pods again.</summary>
internal static class AgentPodLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string NameValue = "flowgen-agent";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "flowgen-operator";
    public const string Flow = "flowgen.dev/flow";
    public const string Node = "flowgen.dev/node";
    public const string Interface = "flowgen.dev/interface";
    public const string ControlPort = "flowgen.dev/control-port";

    /// <summary>Selects every agent pod of one flow (in the flow's namespace).</summary>
    public static string SelectorFor(string flowName) => $"{Name}={NameValue},{Flow}={flowName}";
}
