namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Kills a flowgen process outright (no chance to clean up) and proves the kernel dropped all it
/// held: the programs and links of <paramref name="held"/>, and anything new since a snapshot.
/// </summary>
public static class Sigkill
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <param name="held">What the process held before the kill (<see cref="BpfHandles.HeldBy"/>).</param>
    /// <param name="before">A snapshot taken with the bed in place: deleting namespaces would detach anything and hide a leak.</param>
    /// <param name="detached">Waits until the process's XDP attachments are gone; runs between the kill and the checks.</param>
    public static async Task AssertLeavesNothingAsync(ChildProcess process, BpfHandles held, SystemSnapshot before, Func<Task> detached)
    {
        process.Signal("KILL");
        await process.WaitForExitAsync(Patience);

        await detached();
        var remaining = await BpfHandles.StillExistingAsync(held);
        Assert.True(remaining.IsEmpty, $"still in the kernel after {process.CommandLine} was killed: {remaining}");
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }
}
