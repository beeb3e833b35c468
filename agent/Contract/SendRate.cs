namespace Flowgen.Contract;

/// <summary>What a rate counts: frames, or bits of frames on the wire (4-byte FCS included; preamble and gap not).</summary>
public enum RateUnit
{
    PacketsPerSecond,
    BitsPerSecond,
}

/// <summary>
/// A job's target send rate, summed over its threads: <c>--rate</c>, <c>spec.udp.rate</c>,
/// <c>POST /v1/rate</c>. <see cref="ValueParsers.Rate"/> reads it; <see cref="ToString"/> writes it back.
/// </summary>
public sealed record SendRate(long Value, RateUnit Unit)
{
    /// <summary>The slowest rate: below it the per-frame gaps exceed what pacing keeps smooth in 10 ms windows.</summary>
    public const long MinPacketsPerSecond = 1_000;

    /// <summary>Far above any engine: the parser's bound, so the arithmetic never overflows.</summary>
    public const long MaxPacketsPerSecond = 1_000_000_000;

    public const long MaxBitsPerSecond = 10_000_000_000_000;

    /// <summary>Frames per second for frames of <paramref name="wireSize"/> bytes (FCS included; a mix's mean).</summary>
    public double FramesPerSecond(double wireSize) =>
        Unit == RateUnit.PacketsPerSecond ? Value : Value / (8.0 * wireSize);

    public double BitsPerSecond(double wireSize) =>
        Unit == RateUnit.BitsPerSecond ? Value : Value * 8.0 * wireSize;

    /// <summary>Refuses a rate below <see cref="MinPacketsPerSecond"/> for frames of <paramref name="wireSize"/> bytes.</summary>
    /// <exception cref="UsageException">The rate is too slow.</exception>
    public void CheckAtLeastMinimum(int wireSize, string option)
    {
        if (FramesPerSecond(wireSize) >= MinPacketsPerSecond)
            return;
        long minimumBits = MinPacketsPerSecond * 8 * wireSize;
        throw new UsageException(Unit == RateUnit.PacketsPerSecond
            ? $"{option} {this} is below the slowest rate, {ValueFormat.Integer(MinPacketsPerSecond)} packets/s (1k)"
            : $"{option} {this} is below the slowest rate for {wireSize}-byte frames, {ValueFormat.Integer(MinPacketsPerSecond)} " +
              $"packets/s = {ValueFormat.Integer(minimumBits)}bit/s; give at least that");
    }

    /// <summary>Canonical text: whole packets/s (<c>50000</c>) or bits/s (<c>10000000000bit</c>).</summary>
    public override string ToString() =>
        ValueFormat.Integer(Value) + (Unit == RateUnit.BitsPerSecond ? "bit" : "");
}
