using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Wire;

/// <summary>A wire killed outright leaves nothing attached: its programs hang on bpf_links the kernel drops with the process.</summary>
public sealed class WireKilledTests
{
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Killing_the_wire_with_sigkill_leaves_no_xdp_program_or_link()
    {
        KernelRequirement.EnsureRoot();
        // Taken with the bed in place: deleting the namespaces would detach anything and hide a leak.
        await using var bed = await WireTestBed.CreateAsync();
        var before = await SystemSnapshot.TakeAsync();
        await using var wire = await RunningWire.StartAsync(bed, "--drop", "5");
        var held = BpfHandles.HeldBy(wire.Process.Id);
        var attached = await XdpAttachment.InNamespaceAsync(bed.WireNamespace);
        Assert.Equal([WireTestBed.WireInterfaceA, WireTestBed.WireInterfaceB], attached.Select(a => a.Device).Order());
        Assert.All(attached, a => Assert.Contains(a.ProgramId, held.Programs));

        await Sigkill.AssertLeavesNothingAsync(wire.Process, held, before,
            async () => Assert.Empty(await Eventually.ReadAsync(() => XdpAttachment.InNamespaceAsync(bed.WireNamespace), a => a.Count == 0, Settle)));
    }
}
