using Flowgen.Operator.Kubernetes;

namespace Flowgen.Operator.Api;

/// <summary>Where TrafficFlows live in the API, for the runtime's clients and informers.</summary>
public static class TrafficFlowResource
{
    public static CustomResourceInfo Info { get; } = new(TrafficFlow.Group, TrafficFlow.Version, TrafficFlow.KindValue, TrafficFlow.Plural);
}
