using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Named network namespaces, through <c>ip netns</c>.</summary>
public static class Netns
{
    public static async Task<IReadOnlyList<string>> ListAsync()
    {
        var json = (await Command.RunCheckedAsync("ip", ["-j", "netns", "list"])).Stdout;
        // With no namespaces at all, iproute2 prints nothing rather than "[]".
        if (string.IsNullOrWhiteSpace(json))
            return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
    }

    public static async Task<bool> ExistsAsync(string name) => (await ListAsync()).Contains(name);

    public static Task AddAsync(string name) => Command.RunCheckedAsync("ip", ["netns", "add", name]);

    /// <summary>
    /// Kills every process still inside, then deletes the namespace (which removes its interfaces).
    /// Without the kill, a leaked process would keep the namespace and its veth alive unnamed.
    /// </summary>
    public static async Task DeleteAsync(string name)
    {
        var pids = (await Command.RunCheckedAsync("ip", ["netns", "pids", name])).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (pids.Length > 0)
            await Command.RunAsync("kill", ["-s", "KILL", .. pids]);
        await Command.RunCheckedAsync("ip", ["netns", "del", name]);
    }

    /// <summary>Runs <c>ip netns exec NS file args</c> and returns its stdout; throws on a non-zero exit code.</summary>
    public static async Task<string> ExecAsync(string ns, string file, params string[] args)
    {
        var (wrappedFile, wrappedArgs) = Wrap(ns, file, args);
        return (await Command.RunCheckedAsync(wrappedFile, wrappedArgs)).Stdout;
    }

    /// <summary>
    /// The command that runs <paramref name="file"/> inside <paramref name="ns"/>, or as is when it is null.
    /// <c>ip netns exec</c> execs the command, so the started process id is the command's own.
    /// </summary>
    public static (string File, IReadOnlyList<string> Args) Wrap(string? ns, string file, IEnumerable<string> args) =>
        ns is null ? (file, args.ToList()) : ("ip", ["netns", "exec", ns, file, .. args]);
}
