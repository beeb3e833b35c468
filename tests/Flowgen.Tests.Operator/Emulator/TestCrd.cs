using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

/// <summary>A small CRD (group example.test) exercising the schema features the emulator must honour.</summary>
internal static class TestCrd
{
    public const string Group = "example.test";
    public const string Version = "v1";
    public const string Plural = "widgets";

    public static V1CustomResourceDefinition Widgets(bool statusSubresource = true) =>
        KubernetesJson.Deserialize<V1CustomResourceDefinition>(Json.Replace(StatusSubresource, statusSubresource ? StatusSubresource : "", StringComparison.Ordinal));

    private const string StatusSubresource = "\"subresources\": {\"status\": {}},";

    private const string Json = """
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": {"name": "widgets.example.test"},
          "spec": {
            "group": "example.test",
            "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wg"], "categories": ["all"]},
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "subresources": {"status": {}},
              "schema": {"openAPIV3Schema": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "required": ["size"],
                    "oneOf": [{"required": ["duration"]}, {"required": ["packets"]}],
                    "properties": {
                      "size": {"type": "integer", "minimum": 1, "maximum": 10},
                      "color": {"type": "string", "enum": ["red", "green", "blue"], "default": "red"},
                      "mac": {"type": "string", "pattern": "^([0-9a-f]{2}:){5}[0-9a-f]{2}$"},
                      "duration": {"type": "string"},
                      "packets": {"type": "integer", "minimum": 1},
                      "port": {"type": "integer", "minimum": 1, "maximum": 65535, "exclusiveMaximum": true},
                      "options": {"type": "object", "default": {}, "properties": {"threads": {"type": "integer", "default": 1}}},
                      "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
                    }
                  },
                  "status": {
                    "type": "object",
                    "properties": {"phase": {"type": "string"}, "observedGeneration": {"type": "integer"}}
                  }
                }
              }}
            }]
          }
        }
        """;
}
