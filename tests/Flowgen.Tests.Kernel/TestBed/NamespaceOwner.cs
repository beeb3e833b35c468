using System.Globalization;
using System.Text.RegularExpressions;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// The process a network namespace is named for, in the schemes of Flowgen's own tools:
/// <c>fgt&lt;pid&gt;-…</c> (these test beds), <c>fgdemo-&lt;pid&gt;-…</c> (<c>flowgen demo</c>) and
/// <c>fgbench-&lt;pid&gt;-…</c> (bench/udp-rates.sh).
/// </summary>
public static partial class NamespaceOwner
{
    public static int? PidOf(string name) =>
        Scheme().Match(name) is { Success: true } match
        && int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    /// <summary>True when it is named for a live process outside this test process's tree: another run's, in use.</summary>
    public static bool IsAnotherLiveRun(string name) =>
        PidOf(name) is int pid && ProcessTree.IsAlive(pid) && !ProcessTree.Contains(pid);

    [GeneratedRegex("^(?:fgt|fgdemo-|fgbench-)(?<pid>[0-9]+)-")]
    private static partial Regex Scheme();
}
