using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// <c>-s</c> with several sizes: each frame is cut to a size drawn by weight, and arrives with
/// every length and checksum right for its size (PacketDotNet and the receiving kernel).
/// </summary>
public sealed class FrameSizeTests
{
    const int Count = 6000;

    // Binomial standard deviation of a share over 6000 frames is at most 0.65 points; 3 points is over 4.5 sigma.
    const double SharePoints = 3;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, 64)]
    [InlineData(IpVersion.IPv6, 66)]
    public async Task Imix_frames_arrive_7_4_1_in_their_sizes_with_valid_checksums(IpVersion version, int smallest)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var result = await CapturedUdpRun.RunAsync(bed, version, Count, "-s", "imix");
            result.AssertAllArrivedIntact(Count);
            AssertShares(result.Frames, new() { [smallest] = 7, [594] = 4, [1518] = 1 });
        });
    }

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task Weighted_sizes_with_probes_arrive_in_their_shares_with_valid_checksums(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var result = await CapturedUdpRun.RunAsync(bed, version, Count, "-s", "1000:1,128:3,777:2", "--stamp", "-d", "5");
            result.AssertAllArrivedIntact(Count);
            AssertShares(result.Frames, new() { [128] = 3, [777] = 2, [1000] = 1 });
            Assert.All(result.Frames, frame => Assert.NotNull(frame.ReadProbe()));
        });
    }

    [SkippableFact]
    public async Task Imix_largest_size_is_lowered_to_the_interface_mtu_with_a_note()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await bed.ExecAsync(bed.GeneratorNamespace, "ip", "link", "set", bed.GeneratorInterface, "mtu", "1400");
            var result = await CapturedUdpRun.RunAsync(bed, IpVersion.IPv4, Count, "-s", "imix");
            result.AssertAllArrivedIntact(Count);
            Assert.Contains("note: imix: 1518-byte frames are sent as 1418 bytes", result.Run.Process.Stderr, StringComparison.Ordinal);
            AssertShares(result.Frames, new() { [64] = 7, [594] = 4, [1418] = 1 });
        });
    }

    static void AssertShares(IReadOnlyList<CapturedUdpFrame> frames, Dictionary<int, int> weights)
    {
        var bySize = frames.GroupBy(f => f.WireSize).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(weights.Keys.Order(), bySize.Keys.Order());
        double total = weights.Values.Sum();
        foreach (var (size, weight) in weights)
        {
            double expected = 100 * weight / total, actual = 100.0 * bySize[size] / frames.Count;
            Assert.True(Math.Abs(actual - expected) <= SharePoints,
                $"{size}-byte frames were {actual:F1}% of {frames.Count}, expected {expected:F1}% (within {SharePoints} points)");
        }
    }
}
