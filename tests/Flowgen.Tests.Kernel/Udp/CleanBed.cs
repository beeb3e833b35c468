using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>
/// Runs a test on a fresh veth bed, then proves it left nothing behind: no XDP program or link,
/// no namespace. (A candidate for TestBed/.)
/// </summary>
public static class CleanBed
{
    public static async Task RunAsync(Func<VethTestBed, Task> test, VethTestBedOptions? options = null)
    {
        var before = await Leftovers.SnapshotAsync();
        await using (var bed = await VethTestBed.CreateAsync(options))
            await test(bed);
        Assert.Empty(await Leftovers.OfThisRunSinceAsync(before));
    }
}
