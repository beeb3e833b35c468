using System.Globalization;
using System.Text.Json;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// BPF programs and links by id. Unlike <see cref="SystemSnapshot"/>, which sees only XDP programs
/// and links of the whole machine, this covers every type and can be narrowed to what one process
/// holds, so tests running at the same time can't disturb it.
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

    /// <summary>The programs and links any live process has file descriptors for.</summary>
    public static BpfHandles HeldByAnyProcess()
    {
        var programs = new HashSet<int>();
        var links = new HashSet<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var held = HeldBy(pid);
                programs.UnionWith(held.Programs);
                links.UnionWith(held.Links);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It exited while we looked.
            }
        }
        return new BpfHandles(programs, links);
    }

    /// <summary>Every program and link the kernel has now.</summary>
    public static async Task<BpfHandles> ExistingAsync() =>
        new(await IdsAsync("prog"), await IdsAsync("link"));

    /// <summary>Those of <paramref name="handles"/> that still exist after up to ~2 s of letting the kernel free them.</summary>
    public static Task<BpfHandles> StillExistingAsync(BpfHandles handles) =>
        Eventually.ReadAsync(async () => handles.Intersect(await ExistingAsync()), remaining => remaining.IsEmpty, Settle);

    public BpfHandles Intersect(BpfHandles other) =>
        new(Programs.Intersect(other.Programs).ToHashSet(), Links.Intersect(other.Links).ToHashSet());

    public override string ToString() =>
        $"programs [{string.Join(", ", Programs.Order())}], links [{string.Join(", ", Links.Order())}]";

    static int? Field(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal)
        && int.TryParse(line.AsSpan(name.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    static async Task<HashSet<int>> IdsAsync(string objectType)
    {
        var json = (await Command.RunCheckedAsync("bpftool", ["-j", objectType, "show"])).Stdout;
        if (string.IsNullOrWhiteSpace(json))
            return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetInt32()).ToHashSet();
    }
}
