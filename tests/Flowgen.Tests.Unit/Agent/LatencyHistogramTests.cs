using Flowgen.Engine;

namespace Flowgen.Tests.Unit.Agent;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(31UL)]
    [InlineData(32UL)]
    [InlineData(33UL)]
    [InlineData(1_000UL)]
    [InlineData(12_345UL)]
    [InlineData(1UL << 20)]
    [InlineData((1UL << 20) - 1)]
    [InlineData(987_654_321UL)]
    public void Every_round_trip_lies_within_its_bucket_and_a_bucket_is_at_most_a_32nd_of_its_values_wide(ulong ns)
    {
        int bucket = LatencyHistogram.BucketOf(ns);

        Assert.InRange(ns, LatencyHistogram.LowerEdgeNs(bucket), LatencyHistogram.UpperEdgeNs(bucket) - 1);
        ulong width = LatencyHistogram.UpperEdgeNs(bucket) - LatencyHistogram.LowerEdgeNs(bucket);
        Assert.True(width == 1 || width * 32 <= LatencyHistogram.LowerEdgeNs(bucket), $"bucket {bucket} is {width} ns wide");
    }

    [Fact]
    public void Buckets_tile_the_range_without_gaps()
    {
        for (int i = 1; i < 1184; i++)
            Assert.Equal(LatencyHistogram.UpperEdgeNs(i - 1), LatencyHistogram.LowerEdgeNs(i));
    }

    [Fact]
    public void Quantiles_are_within_a_32nd_above_the_exact_ones()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 100_000).Select(_ => (ulong)(20_000 + random.NextDouble() * random.NextDouble() * 2_000_000)).ToList();
        var buckets = new long[1184];
        foreach (var v in values)
            buckets[LatencyHistogram.BucketOf(v)]++;
        var histogram = new LatencyHistogram(buckets, values.Count, (long)values.Sum(v => (decimal)v), (long)values.Min(), (long)values.Max(), 0);
        var sorted = values.Order().ToList();

        foreach (var q in new[] { 0.5, 0.99, 0.999 })
        {
            double exact = sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
            Assert.InRange(histogram.QuantileNs(q), exact, exact * (1 + 1.0 / 32));
        }
        var summary = histogram.Summarize();
        Assert.Equal((values.Min() / 1e3, values.Max() / 1e3), (summary.MinUs, summary.MaxUs));
    }
}
