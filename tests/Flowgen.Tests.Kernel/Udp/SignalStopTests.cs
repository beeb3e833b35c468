using System.Diagnostics;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>An unlimited run ends promptly on SIGINT or SIGTERM, and its summary counts every frame the sink got.</summary>
public sealed class SignalStopTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Sending = TimeSpan.FromSeconds(2);
    static readonly TimeSpan PromptStop = TimeSpan.FromSeconds(1);

    [SkippableFact]
    public Task Sigint_stops_an_unlimited_run_within_a_second_with_a_summary_that_matches_the_sink() =>
        StopsPromptlyAsync("INT");

    [SkippableFact]
    public Task Sigterm_stops_an_unlimited_run_within_a_second_with_a_summary_that_matches_the_sink() =>
        StopsPromptlyAsync("TERM");

    static async Task StopsPromptlyAsync(string signal)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            // Two threads: the stop must reach every generating thread. Bounded by disposal (SIGKILL) if the test fails.
            await using var generator = UdpGenerator.Start(bed, IpVersion.IPv4, "-t", "2", "-I", "0.2");
            await generator.WaitForLineAsync(line => JsonEvent.Is(line, "interval") && JsonEvent.Parse(line).Integer("sent") > 0, Patience);
            await Task.Delay(Sending);

            var clock = Stopwatch.StartNew();
            generator.Signal(signal);
            var exitCode = await generator.WaitForExitAsync(Patience);
            clock.Stop();

            Assert.True(exitCode == 0, $"exit code {exitCode}\n{generator.Describe()}");
            Assert.True(clock.Elapsed < PromptStop, $"took {clock.Elapsed.TotalMilliseconds:F0} ms to exit after SIG{signal}\n{generator.Describe()}");
            var summary = UdpSummary.Parse(generator.StdoutLines, generator.Describe());
            Assert.Equal("stopped", summary.Result);
            Assert.True(summary.Sent > 0 && summary.AddsUp, generator.Describe());
            Assert.Equal(summary.Sent, (await sink.StopWhenStableAsync(summary.Sent)).Packets);
        });
    }
}
