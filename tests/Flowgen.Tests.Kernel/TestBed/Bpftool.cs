using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>The kernel's BPF objects as <c>bpftool -j</c> lists them.</summary>
public static class Bpftool
{
    static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(3);
    static readonly TimeSpan RetryPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Every object of <paramref name="objectType"/> ("prog", "link"). bpftool lists the ids, then opens
    /// each, and fails when one goes away in between (another run's, on a shared machine): it is retried.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> ShowAsync(string objectType)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        while (true)
        {
            try
            {
                return Parse((await Command.RunCheckedAsync("bpftool", ["-j", objectType, "show"])).Stdout);
            }
            catch (CommandFailedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryPoll);
            }
        }
    }

    static List<JsonElement> Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
