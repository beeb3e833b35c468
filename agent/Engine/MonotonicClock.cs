using System.Diagnostics;

namespace Flowgen.Engine;

/// <summary>
/// CLOCK_MONOTONIC in nanoseconds, the clock of bpf_ktime_get_ns() (and of the kernel's TCP
/// timestamps). On Linux, Stopwatch reads CLOCK_MONOTONIC.
/// </summary>
internal static class MonotonicClock
{
    public static ulong Nanoseconds() => (ulong)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
}
