using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// `-n COUNT` means COUNT frames arrive: what the veth ring drops is sent again. With <c>--vlan</c> the
/// sink's XDP program sees the frames tag and all (the bed has no 8021q device) and counts them as test
/// traffic, not as "other".
/// </summary>
public sealed class ExactCountTests
{
    const long Count = 100_000;
    const long OtherFramesAllowed = 16;

    [SkippableTheory]
    [InlineData(1, IpVersion.IPv4)]
    [InlineData(1, IpVersion.IPv6)]
    [InlineData(2, IpVersion.IPv4)]
    [InlineData(2, IpVersion.IPv6)]
    [InlineData(1, IpVersion.IPv4, "100")]
    [InlineData(1, IpVersion.IPv6, "100")]
    public async Task Sink_receives_exactly_the_requested_count(int threads, IpVersion version, string? vlan = null)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);

            string[] tag = vlan is null ? [] : ["--vlan", vlan];
            var run = await UdpGenerator.RunAsync(bed, version, ["-n", $"{Count}", "-t", $"{threads}", .. tag]);

            Assert.True(run.Process.ExitCode == 0, run.Describe());
            Assert.Equal(("completed", Count), (run.Summary.Result, run.Summary.Sent));
            Assert.True(run.Summary.AddsUp, $"attempted != sent + dropped + errors\n{run.Describe()}");
            var received = await sink.StopWhenStableAsync(Count);
            Assert.Equal(Count, received.Packets);
            // The stack's own frames (an IPv6 MLD report after link up) may count as other; test frames
            // taken for other would put about Count there.
            Assert.True(received.Other < OtherFramesAllowed, $"{received.Other} frames counted as other\n{sink.Describe()}");
        });
    }
}
