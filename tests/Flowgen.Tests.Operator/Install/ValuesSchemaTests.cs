using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Flowgen.Tests.Operator.Install;

/// <summary>values.yaml against values.schema.json, as Helm checks it at install.</summary>
public sealed class ValuesSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Chart.Directory, "values.schema.json"))));

    [Fact]
    public void The_default_values_pass_the_schema()
    {
        var result = Evaluate(Chart.DefaultValues);
        Assert.True(result.IsValid, Describe(result));
    }

    [Theory]
    [InlineData("a word for a count", """{ "operator": { "replicas": "two" } }""")]
    [InlineData("no replicas", """{ "operator": { "replicas": 0 } }""")]
    [InlineData("an unknown pull policy", """{ "operator": { "image": { "pullPolicy": "Sometimes" } } }""")]
    [InlineData("a misspelt key", """{ "podMonitor": { "enable": true } }""")]
    [InlineData("a switch given as text", """{ "dashboard": { "enabled": "yes" } }""")]
    [InlineData("an interval without unit", """{ "podMonitor": { "interval": "5" } }""")]
    public void A_wrong_value_is_refused(string why, string overrides)
    {
        var values = Chart.DefaultValues;
        Chart.Overlay(values, (JsonObject)JsonNode.Parse(overrides)!);
        Assert.False(Evaluate(values).IsValid, why);
    }

    private static EvaluationResults Evaluate(JsonObject values) =>
        Schema.Value.Evaluate(JsonDocument.Parse(values.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result) =>
        string.Join('\n', (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
