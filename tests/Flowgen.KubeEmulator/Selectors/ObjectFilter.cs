using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Selectors;

/// <summary>The label and field selectors of one list, watch or deletecollection request.</summary>
internal sealed class ObjectFilter(LabelSelector labels, FieldSelector fields)
{
    public static ObjectFilter FromQuery(Microsoft.AspNetCore.Http.IQueryCollection query, ResourceType type) =>
        new(LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"], type));

    public bool Matches(JsonObject obj) => labels.Matches(ObjectMeta.Labels(obj)) && fields.Matches(obj);
}
