using System.Globalization;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// BPF programs and links by id, of every type: those the kernel has, or those a process holds
/// file descriptors for, so a test can follow what one process of its own holds.
/// </summary>
public sealed record BpfHandles(IReadOnlySet<int> Programs, IReadOnlySet<int> Links)
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public bool IsEmpty => Programs.Count == 0 && Links.Count == 0;

    /// <summary>
    /// The programs and links a live process has file descriptors for, from /proc/PID/fdinfo
    /// ("prog_id:" and "link_id:" lines; a link's fdinfo names its program too).
    /// </summary>
    public static BpfHandles HeldBy(int pid)
    {
        var programs = new HashSet<int>();
        var links = new HashSet<int>();
        foreach (var path in Directory.GetFiles($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fdinfo"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (IOException)
            {
                continue; // closed while we looked
            }
            foreach (var line in lines)
            {
                if (Field(line, "prog_id:") is int program)
                    programs.Add(program);
                else if (Field(line, "link_id:") is int link)
                    links.Add(link);
            }
        }
        return new BpfHandles(programs, links);
    }

    /// <summary>
    /// What live processes outside this test process's tree hold and none inside it does: another
    /// run's on the same machine, not this one's.
    /// </summary>
    public static BpfHandles HeldOnlyOutsideThisProcessTree()
    {
        var ours = new List<BpfHandles>();
        var theirs = new List<BpfHandles>();
        foreach (var pid in ProcessTree.LivePids())
        {
            BpfHandles held;
            try
            {
                held = HeldBy(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it exited while we looked
            }
            if (!held.IsEmpty)
                (ProcessTree.Contains(pid) ? ours : theirs).Add(held);
        }
        return Union(theirs).Except(Union(ours));
    }

    /// <summary>Every program and link the kernel has now.</summary>
    public static async Task<BpfHandles> ExistingAsync() =>
        new(await IdsAsync("prog"), await IdsAsync("link"));

    /// <summary>Those of <paramref name="handles"/> that still exist after up to ~2 s of letting the kernel free them.</summary>
    public static Task<BpfHandles> StillExistingAsync(BpfHandles handles) =>
        Eventually.ReadAsync(async () => handles.Intersect(await ExistingAsync()), remaining => remaining.IsEmpty, Settle);

    public BpfHandles Intersect(BpfHandles other) =>
        new(Programs.Intersect(other.Programs).ToHashSet(), Links.Intersect(other.Links).ToHashSet());

    public BpfHandles Except(BpfHandles other) =>
        new(Programs.Except(other.Programs).ToHashSet(), Links.Except(other.Links).ToHashSet());

    public override string ToString() =>
        $"programs [{string.Join(", ", Programs.Order())}], links [{string.Join(", ", Links.Order())}]";

    static BpfHandles Union(IReadOnlyList<BpfHandles> all) =>
        new(all.SelectMany(h => h.Programs).ToHashSet(), all.SelectMany(h => h.Links).ToHashSet());

    static int? Field(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(name.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    static async Task<HashSet<int>> IdsAsync(string objectType) =>
        (await Bpftool.ShowAsync(objectType)).Select(item => item.GetProperty("id").GetInt32()).ToHashSet();
}
