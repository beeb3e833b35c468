using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// A flowgen process killed outright (no chance to clean up) leaves nothing in the kernel: its
/// programs hang on bpf_links and file descriptors, which the kernel drops with the process.
/// </summary>
public sealed class KilledProcessTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Killing_the_sink_with_sigkill_leaves_no_xdp_program_or_link()
    {
        KernelRequirement.EnsureRoot();
        // Taken with the bed in place: deleting the namespaces would detach anything and hide a leak.
        await using var bed = await VethTestBed.CreateAsync();
        var before = await SystemSnapshot.TakeAsync();
        await using var sink = await RunningSink.StartAsync(bed);
        var held = BpfHandles.HeldBy(sink.Process.Id);
        var attached = Assert.Single(await XdpOnAsync(bed));
        Assert.Contains(attached.ProgramId, held.Programs);
        Assert.NotEmpty(held.Links);

        await Sigkill.AssertLeavesNothingAsync(sink.Process, held, before,
            async () => Assert.Empty(await Eventually.ReadAsync(() => XdpOnAsync(bed), attachments => attachments.Count == 0, Settle)));
    }

    [SkippableFact]
    public async Task A_generator_killed_with_sigkill_leaves_nothing_attached()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await using var sink = await RunningSink.StartAsync(bed);
        var before = await SystemSnapshot.TakeAsync();
        // No count: it runs until killed (the duration only bounds it should the test host die first).
        await using var generator = UdpGenerator.Start(bed, IpVersion.IPv4, "-I", "0.1", "--duration", "60s");
        await generator.WaitForLineAsync(line => JsonEvent.Is(line, "interval"), Patience);
        var held = BpfHandles.HeldBy(generator.Id);
        Assert.NotEmpty(held.Programs);
        Assert.NotEmpty(held.Links);

        await Sigkill.AssertLeavesNothingAsync(generator, held, before, () => Task.CompletedTask);
    }

    static async Task<IReadOnlyList<XdpAttachment>> XdpOnAsync(VethTestBed bed) =>
        (await XdpAttachment.InNamespaceAsync(bed.SinkNamespace)).Where(a => a.Device == bed.SinkInterface).ToList();
}
