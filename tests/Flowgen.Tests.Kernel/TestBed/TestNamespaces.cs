using System.Globalization;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Names of the namespaces this test process creates, <c>fgt&lt;pid&gt;-&lt;variant&gt;-&lt;role&gt;</c>, and the sweep of
/// those whose owning test process is dead (a killed run is cleaned by the next one).
/// </summary>
public static class TestNamespaces
{
    const string Prefix = "fgt";

    public static string Name(int variant, string role) =>
        $"{Prefix}{Environment.ProcessId}-{variant.ToString(CultureInfo.InvariantCulture)}-{role}";

    /// <summary>The pid in a name of our scheme, or null for any other name.</summary>
    public static int? OwnerOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) ? NamespaceOwner.PidOf(name) : null;

    /// <summary>Removes namespaces of our scheme whose owning process no longer exists. Never throws.</summary>
    public static async Task SweepDeadOwnersAsync()
    {
        IReadOnlyList<string> names;
        try
        {
            names = await Netns.ListAsync();
        }
        catch (Exception e)
        {
            Log($"could not list namespaces to sweep: {e.Message}");
            return;
        }
        foreach (var name in names.Where(n => OwnerOf(n) is int pid && !ProcessTree.IsAlive(pid)))
            await RemoveAsync(name);
    }

    /// <summary>Deletes a namespace; a failure is logged to stderr, never thrown (used on cleanup paths).</summary>
    public static async Task RemoveAsync(string name)
    {
        try
        {
            await Netns.DeleteAsync(name);
        }
        catch (Exception e)
        {
            Log($"could not remove network namespace {name}: {e.Message}");
        }
    }

    static void Log(string message) => Console.Error.WriteLine($"test bed: {message}");
}
