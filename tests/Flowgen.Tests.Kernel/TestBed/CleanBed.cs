namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Runs a test on a fresh veth bed, then proves it left nothing behind: no XDP program or link,
/// no namespace.
/// </summary>
public static class CleanBed
{
    public static async Task RunAsync(Func<VethTestBed, Task> test, VethTestBedOptions? options = null)
    {
        var before = await SystemSnapshot.TakeAsync();
        await using (var bed = await VethTestBed.CreateAsync(options))
            await test(bed);
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }
}
