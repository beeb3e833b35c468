using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>`-n COUNT` means COUNT frames arrive: what the veth ring drops is sent again.</summary>
public sealed class ExactCountTests
{
    const long Count = 100_000;

    [SkippableTheory]
    [InlineData(1, IpVersion.IPv4)]
    [InlineData(1, IpVersion.IPv6)]
    [InlineData(2, IpVersion.IPv4)]
    [InlineData(2, IpVersion.IPv6)]
    public async Task Sink_receives_exactly_the_requested_count(int threads, IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);

            var run = await UdpGenerator.RunAsync(bed, version, "-n", $"{Count}", "-t", $"{threads}");

            Assert.True(run.Process.ExitCode == 0, run.Describe());
            Assert.Equal(("completed", Count), (run.Summary.Result, run.Summary.Sent));
            Assert.True(run.Summary.AddsUp, $"attempted != sent + dropped + errors\n{run.Describe()}");
            Assert.Equal(Count, (await sink.StopWhenStableAsync(Count)).Packets);
        });
    }
}
