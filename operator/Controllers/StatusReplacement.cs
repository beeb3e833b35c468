using System.Text.Json.Nodes;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// A status as a merge patch that replaces the stored one: a merge patch keeps every field it doesn't
/// name, so fields the new status no longer has (a restarted run's startTime) are sent as explicit nulls.
/// </summary>
internal static class StatusReplacement
{
    public static JsonObject Of(TrafficFlowStatus next, TrafficFlowStatus? stored)
    {
        var patch = (JsonObject)MergePatch.ToNode(next)!;
        if (MergePatch.ToNode(stored) is JsonObject old)
        {
            foreach (string gone in old.Select(field => field.Key).Where(key => !patch.ContainsKey(key)).ToList())
                patch[gone] = null;
        }
        return patch;
    }
}
