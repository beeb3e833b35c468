using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Wire;

/// <summary><c>flowgen wire</c> refuses what it can't act on with exit code 2 or 3 and a message naming the fix.</summary>
public sealed class WireBadInputTests
{
    const int UsageError = 2;
    const int EnvironmentError = 3;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string[], int, string[]> Cases => new()
    {
        { "one interface", ["wire", "wire-a"], UsageError, ["missing interface", "IFACE_A IFACE_B"] },
        { "three interfaces", ["wire", "wire-a", "wire-b", "wire-c"], UsageError, ["wire-c", "two interfaces"] },
        { "same interface twice", ["wire", "wire-a", "wire-a"], UsageError, ["wire-a", "two different interfaces"] },
        { "percent above 100", ["wire", "--drop", "101", "wire-a", "wire-b"], UsageError, ["--drop", "'101'", "from 0 to 100"] },
        { "negative percent", ["wire", "--drop-a-to-b", "-1", "wire-a", "wire-b"], UsageError, ["--drop-a-to-b", "'-1'", "from 0 to 100"] },
        { "percent not a number", ["wire", "--drop-b-to-a", "lots", "wire-a", "wire-b"], UsageError, ["--drop-b-to-a", "'lots'"] },
        { "unknown loss kind", ["wire", "--lose", "some", "wire-a", "wire-b"], UsageError, ["--lose", "ip, udp-tcp or all"] },
        { "missing interface", ["wire", "wire-a", "nosuchif0"], EnvironmentError, ["nosuchif0", "does not exist", "ip netns exec"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_rejected_with_a_clear_message_and_exit_code(string what, string[] args, int exitCode, string[] phrases)
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await WireTestBed.CreateAsync();

        await Rejection.AssertAsync(what, () => FlowgenProcess.RunAsync(bed.WireNamespace, Patience, args), exitCode, phrases);
    }
}
