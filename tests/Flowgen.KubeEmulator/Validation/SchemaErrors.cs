using Json.Schema;

namespace Flowgen.KubeEmulator.Validation;

/// <summary>
/// Reads JsonSchema.Net's list output into (instance pointer, message) pairs. Its applicators (oneOf, not) fail
/// without a message of their own, so those are worded here from the branch results.
/// </summary>
internal static class SchemaErrors
{
    public static IEnumerable<(string Pointer, string Keyword, string Message)> Read(EvaluationResults results)
    {
        var all = (results.Details ?? []).Prepend(results).ToList();
        foreach (var node in all.Where(d => !d.IsValid))
        {
            var path = node.EvaluationPath.ToString();
            if (node.Errors is { Count: > 0 } errors)
            {
                foreach (var (keyword, text) in errors) yield return (node.InstanceLocation.ToString(), keyword, text);
                continue;
            }
            var children = all.Where(d => IsChild(d, path)).ToList();
            if (children.Any(d => !d.IsValid && !IsBranch(d, path, "oneOf") && !IsBranch(d, path, "anyOf"))) continue;
            var oneOf = children.Where(d => IsBranch(d, path, "oneOf")).ToList();
            var anyOf = children.Where(d => IsBranch(d, path, "anyOf")).ToList();
            var not = children.FirstOrDefault(d => IsBranch(d, path, "not"));
            var message = oneOf.Count > 0 && oneOf.Count(d => d.IsValid) != 1
                ? $"must validate one and only one schema (oneOf); {oneOf.Count(d => d.IsValid)} matched"
                : anyOf.Count > 0 && anyOf.All(d => !d.IsValid) ? "must validate at least one schema (anyOf)"
                : not is { IsValid: true } ? "must not validate the schema (not)"
                : null;
            if (message is not null) yield return (node.InstanceLocation.ToString(), "oneOf", message);
        }
    }

    private static bool IsChild(EvaluationResults d, string parent)
    {
        var path = d.EvaluationPath.ToString();
        return path.StartsWith(parent + "/", StringComparison.Ordinal) && path.AsSpan(parent.Length + 1).Count('/') <= 1;
    }

    private static bool IsBranch(EvaluationResults d, string parent, string keyword) =>
        d.EvaluationPath.ToString().StartsWith($"{parent}/{keyword}", StringComparison.Ordinal);
}
