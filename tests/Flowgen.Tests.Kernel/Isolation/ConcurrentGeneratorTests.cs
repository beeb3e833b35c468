using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// Each job counts only its own frames: counting must not go by ifindex, which repeats across
/// namespaces and is shared by jobs on one interface (KERNEL-NOTES, "Counting per job").
/// </summary>
public sealed class ConcurrentGeneratorTests
{
    // About a second each into an XDP sink (~6 Mpps for both together), so the runs overlap despite
    // start-up jitter of up to a few hundred milliseconds; a few hundred thousand may not overlap at all.
    const long FirstCount = 6_000_000;
    const long SecondCount = 4_000_000;

    [SkippableFact]
    public async Task Two_generators_in_namespaces_with_equal_ifindexes_each_count_only_their_own()
    {
        KernelRequirement.EnsureRoot();
        await using var first = await VethTestBed.CreateAsync();
        await using var second = await VethTestBed.CreateAsync(new VethTestBedOptions { Variant = 1 });
        Assert.Equal(first.GeneratorIfindex, second.GeneratorIfindex);
        await using var firstSink = await RunningSink.StartAsync(first);
        await using var secondSink = await RunningSink.StartAsync(second);

        await using var firstRun = StartGenerator(first, FirstCount, port: 9);
        await using var secondRun = StartGenerator(second, SecondCount, port: 9);
        var sent = await Task.WhenAll(firstRun.FinishAsync(), secondRun.FinishAsync());
        var received = await Task.WhenAll(firstSink.StopWhenStableAsync(), secondSink.StopWhenStableAsync());

        AssertOverlapped(firstRun, secondRun);
        Assert.Equal((FirstCount, SecondCount), (sent[0].Sent, sent[1].Sent));
        Assert.Equal((FirstCount, SecondCount), (received[0].Packets, received[1].Packets));
    }

    [SkippableFact]
    public async Task Two_generators_on_one_interface_each_count_only_their_own()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await using var sink = await RunningSink.StartAsync(bed);

        await using var firstRun = StartGenerator(bed, FirstCount, port: 1000);
        await using var secondRun = StartGenerator(bed, SecondCount, port: 2000);
        var sent = await Task.WhenAll(firstRun.FinishAsync(), secondRun.FinishAsync());
        var received = await sink.StopWhenStableAsync();

        AssertOverlapped(firstRun, secondRun);
        Assert.Equal((FirstCount, SecondCount), (sent[0].Sent, sent[1].Sent));
        Assert.Equal(FirstCount + SecondCount, received.Packets);
    }

    static GeneratorRun StartGenerator(VethTestBed bed, long count, int port) =>
        GeneratorRun.Start(bed, "-p", Text(port), "-n", Text(count));

    static void AssertOverlapped(GeneratorRun first, GeneratorRun second) =>
        Assert.True(GeneratorRun.Overlapped(first, second),
            $"the two runs did not overlap, so they prove nothing: raise the counts\n{first.Process.Describe()}\n{second.Process.Describe()}");

    static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
