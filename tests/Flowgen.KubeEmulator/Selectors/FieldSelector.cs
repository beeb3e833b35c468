using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Resources;
using Flowgen.KubeEmulator.Storage;

namespace Flowgen.KubeEmulator.Selectors;

/// <summary>A parsed <c>fieldSelector</c>: <c>=</c>, <c>==</c> and <c>!=</c> on the fields the resource supports.</summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, string Value, bool Negated)> terms = [];

    public static FieldSelector Parse(string? text, ResourceType type)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text)) return selector;
        var allowed = type.AllSelectableFields.ToHashSet(StringComparer.Ordinal);
        foreach (var term in text.Split(','))
        {
            var negated = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negated ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2) throw Api.Errors.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            var field = parts[0].Trim();
            if (!allowed.Contains(field)) throw Api.Errors.BadRequest($"field label not supported: {field}");
            selector.terms.Add((field, parts[1].Trim(), negated));
        }
        return selector;
    }

    /// <summary>A missing field reads as the empty string, so <c>spec.nodeName=</c> selects unscheduled pods.</summary>
    public bool Matches(JsonObject obj) =>
        terms.All(t => (JsonDoc.Path(obj, t.Field) ?? "") == t.Value != t.Negated);
}
