using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// Input flowgen can't act on ends with the documented exit code (2 usage, 3 environment), a
/// <c>flowgen: …</c> message on stderr that names the problem, and nothing left behind.
/// </summary>
public sealed class BadInputTests
{
    const int UsageError = 2;
    const int EnvironmentError = 3;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The test bed's fixed names: veth-gen, 198.18.0.1 and 2001:db8::1 face veth-sink, 198.18.0.2 and 2001:db8::2.
    public static TheoryData<string, string[], int, string[]> Cases => new()
    {
        { "missing interface", ["udp", "-a", "198.18.0.2", "nosuchif0", "-n", "10"], EnvironmentError, ["nosuchif0"] },
        { "frame above the MTU", ["udp", "-a", "198.18.0.2", "-s", "1519", "-n", "10", "veth-gen"], UsageError, [@"\bMTU\b", "1518"] },
        { "MAC syntax", ["udp", "-a", "198.18.0.2", "-m", "02:00:00:00:00", "-n", "10", "veth-gen"], UsageError, ["02:00:00:00:00", "MAC"] },
        { "IP syntax", ["udp", "-a", "198.18.0.300", "-n", "10", "veth-gen"], UsageError, [@"198\.18\.0\.300"] },
        {
            "families differ", ["udp", "-a", "2001:db8::2", "-A", "198.18.0.1", "-n", "10", "veth-gen"], UsageError,
            ["2001:db8::2", @"198\.18\.0\.1\b"]
        },
        { "ports past 65535", ["udp", "-a", "198.18.0.2", "-p", "65530", "-d", "10", "-n", "10", "veth-gen"], UsageError, [@"\blargest\b.*\b6\b"] },
        { "batch size", ["udp", "-a", "198.18.0.2", "--batch-size", "257", "-n", "10", "veth-gen"], UsageError, ["--batch-size", @"\b256\b"] },
        { "unknown option", ["udp", "-a", "198.18.0.2", "--no-such-option", "-n", "10", "veth-gen"], UsageError, ["--no-such-option"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_rejected_with_a_clear_message_and_exit_code(string what, string[] args, int exitCode, string[] phrases)
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        await Rejection.AssertAsync(what, () => FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience, args), exitCode, phrases);
    }

    [SkippableFact]
    public async Task Without_root_or_capabilities_flowgen_exits_3_and_says_so()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        await Rejection.AssertAsync("not root",
            () => UnprivilegedFlowgen.RunAsync(bed.GeneratorNamespace, "udp", "-a", "198.18.0.2", "veth-gen", "-n", "10"),
            EnvironmentError, [@"\broot\b", "capabilit"]);
    }

    [SkippableFact]
    public async Task On_a_kernel_without_live_frames_flowgen_exits_3_and_names_5_18()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        await Rejection.AssertAsync("kernel 5.15",
            () => FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience,
                new Dictionary<string, string> { ["FLOWGEN_KERNEL_RELEASE"] = "5.15.0" },
                "udp", "-a", "198.18.0.2", "veth-gen", "-n", "10"),
            EnvironmentError, [@"\b5\.18\b"]);
    }

    [SkippableFact]
    public async Task A_veth_whose_peer_has_neither_xdp_nor_gro_is_refused_with_exit_3_and_the_fix()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync(new VethTestBedOptions { SinkGro = false });

        var result = await Rejection.AssertAsync("peer without gro",
            () => FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience,
                "udp", "--json", "-a", "198.18.0.2", "-n", "1000", "veth-gen"),
            EnvironmentError, ["gro on"]);

        Assert.Equal("cannot-transmit", UdpSummary.Parse(result.StdoutLines, result.Describe()).Result);
    }

    [SkippableFact]
    public async Task A_frame_larger_than_a_page_is_a_usage_error_even_when_the_mtu_allows_it()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await bed.ExecAsync(bed.GeneratorNamespace, "ip", "link", "set", "dev", bed.GeneratorInterface, "mtu", "9000");
        await bed.ExecAsync(bed.SinkNamespace, "ip", "link", "set", "dev", bed.SinkInterface, "mtu", "9000");

        await Rejection.AssertAsync("frame above a page",
            () => FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience,
                "udp", "-a", "198.18.0.2", "-s", "3413", "-n", "10", "veth-gen"),
            UsageError, [@"\b3412\b"]);
    }

    [SkippableFact]
    public async Task A_count_with_a_k_suffix_means_thousands()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await using var sink = await RunningSink.StartAsync(bed);

        await using var run = GeneratorRun.Start(bed, "-n", "10k");
        var sent = await run.FinishAsync();
        var received = await sink.StopWhenStableAsync();

        Assert.Equal((10_000L, 10_000L), (sent.Sent, received.Packets));
    }
}
