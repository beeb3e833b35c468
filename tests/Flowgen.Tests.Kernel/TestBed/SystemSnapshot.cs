using System.Globalization;
using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// XDP programs, XDP links and network namespaces at one moment, to prove a test left none behind:
/// take one before, then assert that <see cref="LeftoversSinceAsync"/> is empty after.
/// </summary>
public sealed class SystemSnapshot
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    // Keyed by what identifies an item across snapshots.
    readonly IReadOnlyDictionary<string, Item> _items;

    SystemSnapshot(IReadOnlyDictionary<string, Item> items) => _items = items;

    public static async Task<SystemSnapshot> TakeAsync()
    {
        var items = new List<Item>();
        foreach (var program in (await Bpftool.ShowAsync("prog")).Where(IsXdp))
            items.Add(new Item(Kind.Program, Id(program), $"XDP program id {Id(program)} name {Text(program, "name")}"));
        foreach (var link in (await Bpftool.ShowAsync("link")).Where(IsXdp))
            items.Add(new Item(Kind.Link, Id(link),
                $"XDP link id {Id(link)} program id {Text(link, "prog_id")} ifindex {Text(link, "ifindex")}"));
        foreach (var name in await Netns.ListAsync())
            items.Add(new Item(Kind.Namespace, name, $"network namespace {name}"));
        return new SystemSnapshot(items.ToDictionary(item => $"{item.Kind} {item.Name}"));
    }

    /// <summary>
    /// What this snapshot has that <paramref name="before"/> had not, and that is this test process's:
    /// XDP programs and links are global, so another run on the machine at the same time shows up too.
    /// Left out are those held open only by live processes outside this process's tree, and
    /// namespaces named for such a process. What this tree or nobody holds still shows.
    /// </summary>
    public IReadOnlyList<string> LeftoversSince(SystemSnapshot before)
    {
        var added = _items.Where(item => !before._items.ContainsKey(item.Key)).Select(item => item.Value).ToList();
        // Read after the snapshot: an object whose holder exits in between shows for one round only.
        var anotherRuns = new Lazy<BpfHandles>(BpfHandles.HeldOnlyOutsideThisProcessTree);
        return added.Where(item => !IsAnotherRuns(item, anotherRuns))
            .Select(item => item.Description)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Leftovers since <paramref name="before"/>, after letting exiting processes finish: snapshots
    /// are retaken for up to ~3 s until none remain.
    /// </summary>
    public static Task<IReadOnlyList<string>> LeftoversSinceAsync(SystemSnapshot before) =>
        Eventually.ReadAsync(async () => (await TakeAsync()).LeftoversSince(before), leftovers => leftovers.Count == 0, Settle);

    static bool IsAnotherRuns(Item item, Lazy<BpfHandles> anotherRuns) => item.Kind switch
    {
        Kind.Program => Number(item.Name) is int id && anotherRuns.Value.Programs.Contains(id),
        Kind.Link => Number(item.Name) is int id && anotherRuns.Value.Links.Contains(id),
        _ => NamespaceOwner.IsAnotherLiveRun(item.Name),
    };

    static bool IsXdp(JsonElement item) => Text(item, "type") == "xdp";

    static string Id(JsonElement item) => Text(item, "id");

    static string Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) ? value.ToString() : "?";

    static int? Number(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    enum Kind
    {
        Program,
        Link,
        Namespace,
    }

    /// <param name="Name">A program's or link's id, or a namespace's name.</param>
    /// <param name="Description">What a failure message shows.</param>
    sealed record Item(Kind Kind, string Name, string Description);
}
