using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Udp;

/// <summary>A veth whose peer can't take XDP frames is refused up front, with the fix, instead of silently losing every frame.</summary>
public sealed class VethPeerDiagnosisTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly string[] Fix = ["ethtool -K", "gro on"];

    [SkippableFact]
    public async Task A_veth_peer_without_xdp_or_gro_is_reported_with_the_fix()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var probe = await FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience, "probe", bed.GeneratorInterface);
            Assert.True(probe.ExitCode == 3, probe.Describe());
            AssertNamesTheFix(probe.Stdout + probe.Stderr, probe);

            var run = await UdpGenerator.RunAsync(bed, IpVersion.IPv4, "-n", "1000");
            Assert.True(run.Process.ExitCode == 3, run.Describe());
            Assert.Equal("cannot-transmit", run.Summary.Result);
            AssertNamesTheFix(run.Process.Stderr, run.Process);

            await using var sink = await RunningSink.StartAsync(bed);
            var fixedProbe = await FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience, "probe", bed.GeneratorInterface);
            Assert.True(fixedProbe.ExitCode == 0, fixedProbe.Describe());
            await sink.StopAsync();
        }, new VethTestBedOptions { SinkGro = false });
    }

    static void AssertNamesTheFix(string text, ProcessResult process)
    {
        foreach (var part in Fix)
            Assert.True(text.Contains(part, StringComparison.Ordinal), $"no \"{part}\" in the output\n{process.Describe()}");
    }
}
