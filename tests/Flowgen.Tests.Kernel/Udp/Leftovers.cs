using System.Globalization;
using System.Text.RegularExpressions;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// <see cref="SystemSnapshot"/> leftovers of this test process only. XDP programs and links are
/// global, so another kernel test run on the machine at the same time (another engineer, another
/// job) shows up in a snapshot too: what live processes outside this process's tree hold is
/// theirs. Anything held by this tree or by nobody counts as ours. (A candidate for TestBed/.)
/// </summary>
public static partial class Leftovers
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// <see cref="SystemSnapshot.TakeAsync"/>, retried while bpftool fails: it lists an id, then
    /// cannot open it when another run's object goes away in between.
    /// </summary>
    public static async Task<SystemSnapshot> SnapshotAsync()
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            try
            {
                return await SystemSnapshot.TakeAsync();
            }
            catch (CommandFailedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Poll);
            }
        }
    }

    /// <summary>Like <see cref="SystemSnapshot.LeftoversSinceAsync"/>, without other runs' XDP objects.</summary>
    public static async Task<IReadOnlyList<string>> OfThisRunSinceAsync(SystemSnapshot before)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            var now = await SnapshotAsync();
            // Holders are read after the snapshot: an object whose holder exits in between counts
            // as ours for one round and is gone in the next.
            var foreign = HeldOutsideThisProcessTree();
            var ours = now.LeftoversSince(before).Where(item => !IsForeign(item, foreign)).ToList();
            if (ours.Count == 0 || DateTime.UtcNow >= deadline)
                return ours;
            await Task.Delay(Poll);
        }
    }

    // Matches the texts SystemSnapshot gives: "XDP program id 12 name …", "XDP link id 3 program id 12 …".
    [GeneratedRegex(@"^XDP (?<kind>program|link) id (?<id>\d+)\b")]
    private static partial Regex XdpObject();

    static bool IsForeign(string item, HashSet<string> foreign) =>
        XdpObject().Match(item) is { Success: true } match
        && foreign.Contains($"{(match.Groups["kind"].Value == "program" ? "prog" : "link")} {match.Groups["id"].Value}");

    /// <summary>"prog ID" and "link ID" of BPF fds that live processes outside this process's tree hold.</summary>
    static HashSet<string> HeldOutsideThisProcessTree()
    {
        var held = new Dictionary<string, bool>();
        foreach (var pid in LivePids())
        {
            var ours = IsInThisProcessTree(pid);
            foreach (var key in BpfObjectsHeldBy(pid))
                held[key] = held.GetValueOrDefault(key) || ours;
        }
        return held.Where(pair => !pair.Value).Select(pair => pair.Key).ToHashSet();
    }

    // fdinfo of a BPF program fd has "prog_id:", of a link fd "link_id:" and its "prog_id:".
    static List<string> BpfObjectsHeldBy(int pid)
    {
        var keys = new List<string>();
        try
        {
            foreach (var fdinfo in Directory.EnumerateFiles($"/proc/{pid}/fdinfo"))
            {
                foreach (var line in File.ReadLines(fdinfo))
                {
                    if (line.StartsWith("prog_id:", StringComparison.Ordinal))
                        keys.Add($"prog {line["prog_id:".Length..].Trim()}");
                    else if (line.StartsWith("link_id:", StringComparison.Ordinal))
                        keys.Add($"link {line["link_id:".Length..].Trim()}");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process or the fd went away while we read.
        }
        return keys;
    }

    static IEnumerable<int> LivePids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    static bool IsInThisProcessTree(int pid)
    {
        for (var current = pid; current > 1; current = ParentOf(current))
        {
            if (current == Environment.ProcessId)
                return true;
        }
        return false;
    }

    static int ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line["PPid:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
