using System.Globalization;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Live processes, and which of them are this test process or its descendants, as /proc shows them now.</summary>
public static class ProcessTree
{
    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    public static IEnumerable<int> LivePids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    /// <summary>True for this test process and every live process below it.</summary>
    public static bool Contains(int pid)
    {
        for (var current = pid; current > 1; current = ParentOf(current))
        {
            if (current == Environment.ProcessId)
                return true;
        }
        return false;
    }

    // 0 once the process is gone.
    static int ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
                .FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line["PPid:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
