using Flowgen.Contract;

namespace Flowgen.Engine;

/// <summary>
/// How a <see cref="SendRate"/> becomes the generator's pacing (bpf/pacing.h): every CPU that
/// sends keeps its own schedule at an even share of the rate.
/// </summary>
internal static class RateSchedule
{
    /// <summary>
    /// How far a CPU's schedule may fall behind and still catch up, e.g. after the scheduler gave
    /// its CPU to other tasks for a while. Catching up is never a burst: frames then go at most 1.5
    /// times the rate (bpf/pacing.h), so this lag is made up within twice its length. Longer
    /// pauses are given up.
    /// </summary>
    public static readonly TimeSpan Credit = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Two threads per CPU: while one call sleeps through its ~28 ms teardown (KERNEL-NOTES, "The
    /// cost of one call"), the other's keeps the schedule; both follow the CPU's one schedule.
    /// </summary>
    public const int ThreadsPerCpu = 2;

    /// <summary>gen_rate for <paramref name="rate"/> shared by <paramref name="cpus"/> CPUs.</summary>
    public static GenRate For(SendRate rate, int cpus)
    {
        bool perByte = rate.Unit == RateUnit.BitsPerSecond;
        double unitsPerSecond = perByte ? rate.Value / 8.0 : rate.Value;
        double period = cpus * 1e9 * (1L << BpfLayoutConstants.RateFracBits) / unitsPerSecond;
        ulong step = (ulong)Math.Max(1, Math.Round(period));
        return new GenRate
        {
            Step = step << BpfLayoutConstants.RateStepShift | (perByte ? BpfLayoutConstants.RatePerByte : 0),
            CreditNs = (ulong)(Credit.Ticks * (1_000_000 / TimeSpan.TicksPerMillisecond)),
        };
    }
}
