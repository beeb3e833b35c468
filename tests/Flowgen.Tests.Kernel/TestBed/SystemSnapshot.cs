using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// XDP programs, XDP links and network namespaces at one moment, to prove a test left none behind:
/// take one before, then assert that <see cref="LeftoversSinceAsync"/> is empty after.
/// </summary>
public sealed class SystemSnapshot
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);

    // Key: what identifies it across snapshots; value: what a failure message shows.
    readonly IReadOnlyDictionary<string, string> _items;

    SystemSnapshot(IReadOnlyDictionary<string, string> items) => _items = items;

    public static async Task<SystemSnapshot> TakeAsync()
    {
        var items = new Dictionary<string, string>();
        foreach (var program in (await BpftoolAsync("prog")).Where(IsXdp))
            items[$"prog {Id(program)}"] = $"XDP program id {Id(program)} name {Text(program, "name")}";
        foreach (var link in (await BpftoolAsync("link")).Where(IsXdp))
            items[$"link {Id(link)}"] =
                $"XDP link id {Id(link)} program id {Text(link, "prog_id")} ifindex {Text(link, "ifindex")}";
        foreach (var name in await Netns.ListAsync())
            items[$"netns {name}"] = $"network namespace {name}";
        return new SystemSnapshot(items);
    }

    /// <summary>
    /// What this snapshot has that <paramref name="before"/> had not, except namespaces of other test
    /// processes that are still running (they belong to a concurrent run, not to this test).
    /// </summary>
    public IReadOnlyList<string> LeftoversSince(SystemSnapshot before) =>
        _items.Where(item => !before._items.ContainsKey(item.Key) && !OfAnotherLiveRun(item.Key))
            .Select(item => item.Value)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Leftovers since <paramref name="before"/>, after letting exiting processes finish: snapshots
    /// are retaken for up to ~2 s until none remain.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LeftoversSinceAsync(SystemSnapshot before)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            var leftovers = (await TakeAsync()).LeftoversSince(before);
            if (leftovers.Count == 0 || DateTime.UtcNow >= deadline)
                return leftovers;
            await Task.Delay(SettlePoll);
        }
    }

    static bool OfAnotherLiveRun(string key) =>
        key.StartsWith("netns ", StringComparison.Ordinal)
        && TestNamespaces.BelongsToAnotherLiveProcess(key["netns ".Length..]);

    static async Task<IReadOnlyList<JsonElement>> BpftoolAsync(string objectType)
    {
        var json = (await Command.RunCheckedAsync("bpftool", ["-j", objectType, "show"])).Stdout;
        if (string.IsNullOrWhiteSpace(json))
            return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    static bool IsXdp(JsonElement item) => Text(item, "type") == "xdp";

    static string Id(JsonElement item) => Text(item, "id");

    static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? value.ToString() : "?";
}
