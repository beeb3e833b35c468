using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// `--rate`: the sink (its own XDP program, its own clock) counts what arrives and bins the
/// arrival times with `--timeline 1ms`, so any 10 consecutive bins are a 10 ms window.
/// </summary>
public sealed class RateTests
{
    const double Seconds = 3;
    const double CountTolerance = 0.02;
    const int WindowBins = 10;
    const double WindowShare = 0.010;

    /// <summary>The promise: within 2% of the target, and no 10 ms window with more than twice its share.</summary>
    [SkippableTheory]
    [InlineData(50_000)]
    [InlineData(500_000)]
    public async Task Sink_count_is_within_2_percent_of_the_rate_and_no_10ms_window_carries_twice_its_share(int rate)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed, timeline: "1ms");

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "--rate", $"{rate}", "--duration", $"{Seconds}s");

            Assert.True(run.Process.ExitCode == 0 && run.Summary.Result == "completed", run.Describe());
            var received = (await sink.StopWhenStableAsync(run.Summary.Sent)).Packets;
            var timeline = sink.Timeline();
            AssertNear(rate * Seconds, received, $"frames at {rate}/s for {Seconds} s\n{run.Describe()}");
            AssertNoBurst(rate * WindowShare, timeline, sink.Describe());
        });
    }

    /// <summary>A bits/s rate counts frames on the wire, FCS included: the sink's wire bytes are the oracle.</summary>
    [SkippableFact]
    public async Task Bit_rate_is_met_in_wire_bytes_at_the_sink()
    {
        KernelRequirement.EnsureRoot();
        const int frameSize = 1000;
        const double bitsPerSecond = 200e6;
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed, timeline: "1ms");

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv6,
                "--rate", "200Mbit", "-s", $"{frameSize}", "--duration", $"{Seconds}s");

            Assert.True(run.Process.ExitCode == 0, run.Describe());
            var summary = await sink.StopWhenStableAsync(run.Summary.Sent);
            Assert.Equal(summary.Packets * frameSize, summary.WireBytes);
            AssertNear(bitsPerSecond * Seconds, summary.WireBytes * 8.0, $"bits at 200 Mbit/s\n{run.Describe()}");
            AssertNoBurst(bitsPerSecond / 8 / frameSize * WindowShare, sink.Timeline(), sink.Describe());
        });
    }

    /// <summary>With -n the count is exact, and the sink's timeline shows it took the rate's time, not a burst.</summary>
    [SkippableFact]
    public async Task Rate_with_a_count_sends_exactly_the_count_at_the_rate()
    {
        KernelRequirement.EnsureRoot();
        const long count = 100_001;
        const int rate = 200_000;
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed, timeline: "1ms");

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "--rate", $"{rate}", "-n", $"{count}", "-t", "2");

            Assert.True(run.Process.ExitCode == 0, run.Describe());
            Assert.Equal(("completed", count), (run.Summary.Result, run.Summary.Sent));
            Assert.Equal(count, (await sink.StopWhenStableAsync(count)).Packets);
            var timeline = sink.Timeline();
            // Arrivals span count / rate = 0.5 s, less at most the credit a schedule may catch up.
            Assert.True(timeline.SpanSeconds >= 0.45, $"{count} frames arrived within {timeline.SpanSeconds} s at {rate}/s\n{sink.Describe()}");
            AssertNoBurst(rate * WindowShare, timeline, sink.Describe());
        });
    }

    /// <summary>Held-back program runs are counted as paced, apart: never as dropped, never as attempted.</summary>
    [SkippableFact]
    public async Task Paced_iterations_are_counted_apart_and_never_as_dropped()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "--rate", "20k", "--duration", "1s");

            var received = (await sink.StopWhenStableAsync(run.Summary.Sent)).Packets;
            Assert.True(run.Process.ExitCode == 0, run.Describe());
            Assert.True(run.Summary.Paced > run.Summary.Sent, $"paced {run.Summary.Paced}, sent {run.Summary.Sent}\n{run.Describe()}");
            Assert.Equal((0L, 0L), (run.Summary.Dropped, run.Summary.Errors));
            Assert.True(run.Summary.AddsUp, run.Describe());
            Assert.Equal(run.Summary.Sent, received);
        });
    }

    static void AssertNear(double target, double actual, string what) =>
        Assert.True(Math.Abs(actual - target) <= target * CountTolerance,
            $"{actual:N0} {what}: {(actual - target) / target:P2} off the target {target:N0} (at most {CountTolerance:P0})");

    static void AssertNoBurst(double share, SinkTimeline timeline, string describe)
    {
        Assert.False(timeline.LastBinCollectsLater, describe);
        long most = timeline.MostInWindow(WindowBins);
        Assert.True(most <= 2 * share, $"a 10 ms window carried {most} frames, more than twice its share {share:N0}\n{describe}");
    }
}
