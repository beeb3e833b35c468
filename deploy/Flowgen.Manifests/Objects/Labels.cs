using System.Text.Json.Nodes;
using Flowgen.Manifests.Layout;
using Flowgen.Operator.Agents;

namespace Flowgen.Manifests.Objects;

/// <summary>The labels that select the operator's pods and the agents' pods.</summary>
internal static class Labels
{
    public static JsonObject Operator() => new()
    {
        [AgentPodLabels.Name] = Release.OperatorName,
        ["app.kubernetes.io/part-of"] = Release.PartOf,
    };

    public static JsonObject OperatorSelector() => new() { [AgentPodLabels.Name] = Release.OperatorName };

    public static JsonObject AgentSelector() => new() { [AgentPodLabels.Name] = AgentPodLabels.NameValue };
}
