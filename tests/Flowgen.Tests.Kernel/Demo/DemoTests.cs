using System.Globalization;
using System.Text.RegularExpressions;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Demo;

/// <summary>`flowgen demo`: the README's first command. It must show real traffic and leave nothing.</summary>
public sealed partial class DemoTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Demo_reports_a_sink_count_equal_to_what_was_sent_and_removes_its_hosts()
    {
        KernelRequirement.EnsureRoot();
        SystemSnapshot before = await SystemSnapshot.TakeAsync();

        ProcessResult result = await FlowgenProcess.RunAsync(null, Generous, "demo", "--duration", "2s");

        Assert.True(result.ExitCode == 0, result.ToString());
        (long sent, long received) = SummaryCounts(result.Stdout);
        Assert.True(sent > 100_000, $"the demo sent only {sent} frames:\n{result.Stdout}");
        Assert.Equal(sent, received);
        Assert.True(IntervalLines().Count(result.Stdout) >= 2, $"expected live rate lines:\n{result.Stdout}");
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }

    [SkippableFact]
    public async Task Demo_stopped_with_ctrl_c_prints_its_summary_and_removes_its_hosts()
    {
        KernelRequirement.EnsureRoot();
        SystemSnapshot before = await SystemSnapshot.TakeAsync();
        await using var demo = FlowgenProcess.Start(null, "demo", "--duration", "30s");
        await demo.WaitForLineAsync(line => IntervalLines().IsMatch(line), Generous);

        demo.Signal("INT");

        Assert.Equal(0, await demo.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        (long sent, long received) = SummaryCounts(demo.Stdout);
        Assert.Contains("summary: stopped", demo.Stdout, StringComparison.Ordinal);
        Assert.Equal(sent, received);
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }

    [SkippableFact]
    public async Task Demo_killed_with_sigkill_leaves_nothing_the_next_demo_does_not_sweep()
    {
        KernelRequirement.EnsureRoot();
        SystemSnapshot before = await SystemSnapshot.TakeAsync();
        await using (var demo = FlowgenProcess.Start(null, "demo", "--duration", "30s"))
        {
            await demo.WaitForLineAsync(line => IntervalLines().IsMatch(line), Generous);
            demo.Signal("KILL");
            await demo.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // Its children notice the parent is gone and stop: nothing stays attached or running.
        IReadOnlyList<string> leftovers = await SystemSnapshot.LeftoversSinceAsync(before);
        Assert.All(leftovers, item => Assert.Matches(DemoNamespace(), item));

        ProcessResult next = await FlowgenProcess.RunAsync(null, Generous, "demo", "--duration", "1s");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }

    private static (long Sent, long Received) SummaryCounts(string output)
    {
        Match match = SummaryLine().Match(output);
        Assert.True(match.Success, $"no summary line in:\n{output}");
        return (Parse(match.Groups["sent"].Value), Parse(match.Groups["received"].Value));
    }

    private static long Parse(string digits) =>
        long.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"sent (?<sent>[0-9,]+) frames .* the sink received (?<received>[0-9,]+) ")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^\s+[0-9]+\.[0-9]s\s+[0-9,]+\s+[0-9,]+", RegexOptions.Multiline)]
    private static partial Regex IntervalLines();

    [GeneratedRegex("fgdemo-[0-9]+-(gen|sink)")]
    private static partial Regex DemoNamespace();
}
