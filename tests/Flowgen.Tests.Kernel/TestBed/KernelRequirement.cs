namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Preconditions of kernel tests: skip where they can't run, fail in CI where they must.</summary>
public static class KernelRequirement
{
    /// <summary>Set to 1 in CI so a kernel test can never pass by being skipped.</summary>
    public const string RequireVariable = "FLOWGEN_REQUIRE_KERNEL";

    const string NeedsRoot = "needs root: run the kernel tests as root, e.g. sudo dotnet test";

    /// <summary>Call first in every kernel test.</summary>
    public static void EnsureRoot()
    {
        if (EffectiveUid() == 0)
            return;
        if (IsRequired)
            throw new InvalidOperationException($"{NeedsRoot} ({RequireVariable}=1 forbids skipping)");
        Skip.If(true, NeedsRoot);
    }

    static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    // "Uid:\treal\teffective\tsaved\tfilesystem"
    static int EffectiveUid()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }
}
