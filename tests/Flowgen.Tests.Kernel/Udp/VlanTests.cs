using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// <c>--vlan</c>: frames carry an 802.1Q tag with the ID and priority asked for, and valid
/// checksums behind it. The oracles are a tcpdump capture at the receiver decoded by PacketDotNet
/// (this kernel has no 8021q module for a VLAN sub-interface) and the receiving kernel's UDP
/// counters, which it keeps for the frames it untagged.
/// </summary>
public sealed class VlanTests
{
    const int Count = 2000;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Frames_carry_the_requested_tag_and_valid_checksums(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var capture = await TaggedCapture.StartAsync(bed.SinkNamespace, bed.SinkInterface);
            // Paced, so that tcpdump keeps up on a busy machine.
            var result = await CapturedUdpRun.RunAsync(bed, version, Count, "--vlan", "100:5", "-s", "200", "--rate", "10000");
            var tagged = await capture.StopAsync();

            Assert.True(result.Run.Process.ExitCode == 0 && result.Run.Summary.Sent == Count, result.Run.Describe());
            Assert.Equal(Count, tagged.Count);
            Assert.All(tagged, frame => Assert.Equal((100, 5, true), (frame.VlanId, frame.Priority, frame.ChecksumsValid)));
        });
    }
}
