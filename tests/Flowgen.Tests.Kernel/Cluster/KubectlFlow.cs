using System.Globalization;
using System.Text.Json;
using Flowgen.KubeEmulator.Clients;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>A sample flow driven with kubectl as a user would: applied, watched with <c>kubectl get tf</c>, awaited, deleted.</summary>
public static class KubectlFlow
{
    const string Wait = "--timeout=60s";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// <c>kubectl apply -f</c>, then polls <c>kubectl get tf</c> until the flow's row shows Phase Running on
    /// one agent with a rate and a count other than 0; returns that table.
    /// </summary>
    public static async Task<string> ApplyUntilSendingAsync(this Kubectl kubectl, SampleFlow sample)
    {
        await kubectl.RunAsync("apply", Kubectl.NoValidation, "-f", sample.FilePath);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var printed = await kubectl.RunAsync("get", "tf");
            var row = KubectlTable.Parse(printed.Lines).SingleOrDefault(r => r.GetValueOrDefault("NAME") == sample.Name);
            if (row is not null && IsSending(row))
                return printed.StandardOutput;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"kubectl get tf never showed {sample.Name} Running with a rate and packets sent; last:\n{printed.StandardOutput}");
            await Task.Delay(Poll);
        }
    }

    /// <summary><c>kubectl wait</c> for Phase Succeeded; returns the flow's status (<c>kubectl get tf NAME -o json</c>).</summary>
    public static async Task<JsonElement> SucceededAsync(this Kubectl kubectl, SampleFlow sample)
    {
        await kubectl.RunAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", $"tf/{sample.Name}", Wait);
        using var document = JsonDocument.Parse((await kubectl.RunAsync("get", "tf", sample.Name, "-o", "json")).StandardOutput);
        return document.RootElement.GetProperty("status").Clone();
    }

    /// <summary><c>kubectl delete -f … --wait</c>: returns once the flow is gone.</summary>
    public static Task DeleteAsync(this Kubectl kubectl, SampleFlow sample) => kubectl.RunAsync("delete", "-f", sample.FilePath, "--wait", Wait);

    /// <summary><c>kubectl patch tf NAME --type merge -p PATCH</c>, e.g. <c>{"spec":{"udp":{"rate":"100k"}}}</c>.</summary>
    public static Task PatchAsync(this Kubectl kubectl, SampleFlow sample, string mergePatch) =>
        kubectl.RunAsync("patch", "tf", sample.Name, "--type", "merge", "-p", mergePatch);

    /// <summary>The UIDs of the pods in the flow's namespace (<c>kubectl get pods</c>): a restarted agent has a new one.</summary>
    public static async Task<IReadOnlyList<string>> PodUidsAsync(this Kubectl kubectl) =>
        (await kubectl.RunAsync("get", "pods", "-o", "jsonpath={.items[*].metadata.uid}")).StandardOutput
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Polls <c>kubectl get events -o json</c> until one with <paramref name="reason"/> is about the flow;
    /// returns its message.
    /// </summary>
    public static async Task<string> EventAsync(this Kubectl kubectl, SampleFlow sample, string reason)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var printed = await kubectl.RunAsync("get", "events", "-o", "json");
            using var document = JsonDocument.Parse(printed.StandardOutput);
            var message = document.RootElement.GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("reason").GetString() == reason
                    && e.GetProperty("involvedObject").GetProperty("name").GetString() == sample.Name)
                .Select(e => e.GetProperty("message").GetString() ?? "")
                .FirstOrDefault();
            if (message is not null)
                return message;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"kubectl get events never showed {reason} for {sample.Name}; last:\n{printed.StandardOutput}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>An integer of a status from <see cref="SucceededAsync"/>, e.g. <c>packetsSent</c>.</summary>
    public static long Long(this JsonElement status, string field) => status.GetProperty(field).GetInt64();

    static bool IsSending(IReadOnlyDictionary<string, string> row) =>
        row.GetValueOrDefault("PHASE") == "Running"
        && row.GetValueOrDefault("AGENTS") == "1"
        && row.GetValueOrDefault("RATE") is { Length: > 0 } rate && !rate.StartsWith("0 ", StringComparison.Ordinal) && rate != "<none>"
        && long.TryParse(row.GetValueOrDefault("SENT"), NumberStyles.None, CultureInfo.InvariantCulture, out var sent) && sent > 0;
}
