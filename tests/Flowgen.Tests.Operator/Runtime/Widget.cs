using System.Text.Json.Serialization;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>A minimal custom resource with a status subresource, so the runtime is tested apart from TrafficFlow.</summary>
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    public static readonly CustomResourceInfo Resource = new("test.flowgen.dev", "v1", "Widget", "widgets");

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Resource.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = Resource.Kind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }

    public static V1CustomResourceDefinition Definition()
    {
        var open = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true };
        return new V1CustomResourceDefinition
        {
            Metadata = new V1ObjectMeta { Name = $"{Resource.Plural}.{Resource.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = Resource.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames { Kind = Resource.Kind, Plural = Resource.Plural, Singular = "widget", ListKind = "WidgetList" },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = Resource.Version,
                        Served = true,
                        Storage = true,
                        Subresources = new V1CustomResourceSubresources { Status = new object() },
                        Schema = new V1CustomResourceValidation
                        {
                            OpenAPIV3Schema = new V1JSONSchemaProps
                            {
                                Type = "object",
                                Properties = new Dictionary<string, V1JSONSchemaProps> { ["spec"] = open, ["status"] = open },
                            },
                        },
                    },
                ],
            },
        };
    }
}

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public int Size { get; set; }
}

public sealed class WidgetStatus
{
    [JsonPropertyName("total")]
    public long Total { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }
}

public sealed class WidgetList : IKubernetesObject<V1ListMeta>, IItems<Widget>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = Widget.Resource.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "WidgetList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<Widget> Items { get; set; } = [];
}
