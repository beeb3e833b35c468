namespace Flowgen.Cli;

/// <summary>Per-second figures between two readings, as the interval lines print them.</summary>
internal static class Rates
{
    public static double PerSecond(long delta, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? delta / elapsed.TotalSeconds : 0;

    /// <summary>Megabits per second of frames on the wire (FCS counted, preamble and gap not).</summary>
    public static double WireMbits(long frames, double wireSize, TimeSpan elapsed) =>
        PerSecond(frames, elapsed) * wireSize * 8 / 1e6;

    public static double WireMbitsFromBytes(long wireBytes, TimeSpan elapsed) =>
        PerSecond(wireBytes, elapsed) * 8 / 1e6;
}
