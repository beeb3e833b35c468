using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Linux signal numbers by the names <c>kill -s</c> takes (INT, TERM, KILL, …).</summary>
public static class SignalNumbers
{
    static readonly Dictionary<string, int> ByName = new(StringComparer.Ordinal)
    {
        ["HUP"] = 1,
        ["INT"] = LibcProcesses.SigInt,
        ["QUIT"] = 3,
        ["KILL"] = 9,
        ["USR1"] = 10,
        ["USR2"] = 12,
        ["TERM"] = LibcProcesses.SigTerm,
        ["CONT"] = 18,
        ["STOP"] = 19,
    };

    public static int Of(string name) =>
        ByName.TryGetValue(name, out var number) ? number : throw new ArgumentException($"unknown signal SIG{name}", nameof(name));
}
