namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Runs a test on a fresh veth bed, then proves it left nothing behind: no XDP program or link,
/// no namespace.
/// </summary>
public static class CleanBed
{
    public static Task RunAsync(Func<VethTestBed, Task> test, VethTestBedOptions? options = null) =>
        RunAsync(() => VethTestBed.CreateAsync(options), test);

    /// <summary>The same on any bed, e.g. <see cref="WireTestBed.CreateAsync"/>.</summary>
    public static async Task RunAsync<TBed>(Func<Task<TBed>> create, Func<TBed, Task> test) where TBed : IAsyncDisposable
    {
        var before = await SystemSnapshot.TakeAsync();
        await using (var bed = await create())
            await test(bed);
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }
}
