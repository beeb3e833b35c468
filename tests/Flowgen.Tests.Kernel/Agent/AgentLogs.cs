using System.Text.Json;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>
/// Reading the agent's <c>--log-json</c> lines (Microsoft's JSON console format: "Message", and
/// under "State" the message's fields with its template as "{OriginalFormat}").
/// </summary>
public static class AgentLogs
{
    const string Template = "{OriginalFormat}";

    /// <summary>The state of the agent's "finished" line (or Failed for its "failed" line); throws with the output when there is none.</summary>
    public static AgentState FinalState(IReadOnlyList<string> stdout, string describe)
    {
        foreach (var line in stdout.Where(l => l.StartsWith('{')).Reverse())
        {
            var fields = Fields(line);
            if (fields is null || !fields.Value.TryGetProperty(Template, out var template))
                continue;
            var text = template.GetString() ?? string.Empty;
            if (text.StartsWith("failed:", StringComparison.Ordinal))
                return AgentState.Failed;
            if (text.StartsWith("finished:", StringComparison.Ordinal))
                return Enum.Parse<AgentState>(fields.Value.Text("State"));
        }
        throw new InvalidOperationException($"the agent logged no \"finished\" or \"failed\" line\n{describe}");
    }

    static JsonElement? Fields(string line)
    {
        try
        {
            var json = JsonEvent.Parse(line);
            return json.TryGetProperty("State", out var state) && state.ValueKind == JsonValueKind.Object ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
