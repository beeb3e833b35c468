using System.Globalization;
using System.Text.RegularExpressions;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// <see cref="SystemSnapshot"/>'s leftovers without what other test sessions on the same machine
/// create meanwhile: XDP programs and links that a live process still holds open (the flowgen
/// processes under test have exited by the time this is asked), and namespaces not named for this
/// test process. A leak of the process under test has no holder, so it still shows.
/// </summary>
public static partial class OwnLeftovers
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static Task<IReadOnlyList<string>> SinceAsync(SystemSnapshot before) =>
        Eventually.ReadAsync(async () => WithoutForeign((await SystemSnapshot.TakeAsync()).LeftoversSince(before)),
            leftovers => leftovers.Count == 0, Settle);

    static IReadOnlyList<string> WithoutForeign(IReadOnlyList<string> leftovers)
    {
        if (leftovers.Count == 0)
            return leftovers;
        var held = BpfHandles.HeldByAnyProcess();
        return leftovers.Where(item => !IsForeign(item, held)).ToList();
    }

    // Matches SystemSnapshot's descriptions; anything it can't read counts as ours.
    static bool IsForeign(string item, BpfHandles held)
    {
        if (BpfItem().Match(item) is { Success: true } bpf)
        {
            var id = int.Parse(bpf.Groups["id"].Value, CultureInfo.InvariantCulture);
            return bpf.Groups["kind"].Value == "program" ? held.Programs.Contains(id) : held.Links.Contains(id);
        }
        if (NamespaceItem().Match(item) is { Success: true } ns)
            return TestNamespaces.OwnerOf(ns.Groups["name"].Value) != Environment.ProcessId;
        return false;
    }

    [GeneratedRegex(@"^XDP (?<kind>program|link) id (?<id>\d+)\b")]
    private static partial Regex BpfItem();

    [GeneratedRegex(@"^network namespace (?<name>\S+)$")]
    private static partial Regex NamespaceItem();
}
