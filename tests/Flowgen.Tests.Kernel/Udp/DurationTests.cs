using System.Diagnostics;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>`--duration` ends a run on time by itself, and its summary counts every frame the sink got.</summary>
public sealed class DurationTests
{
    [SkippableFact]
    public async Task Duration_run_stops_by_itself_and_matches_the_sink()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            var clock = Stopwatch.StartNew();

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "--duration", "2s");

            clock.Stop();
            Assert.True(run.Process.ExitCode == 0, run.Describe());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s\n{run.Describe()}");
            Assert.Equal("completed", run.Summary.Result);
            // On time, not when the call in flight ends by itself (2^24 frames: seconds).
            Assert.InRange(run.Summary.Seconds, 2.0, 2.5);
            Assert.True(run.Summary.Sent > 0 && run.Summary.AddsUp, run.Describe());
            Assert.Equal(run.Summary.Sent, (await sink.StopWhenStableAsync(run.Summary.Sent)).Packets);
        });
    }
}
