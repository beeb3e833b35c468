using System.Diagnostics;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>How an agent process ends: on SIGTERM at any time, or on release once its job is over.</summary>
public sealed class AgentEndTests
{
    static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(10);
    static readonly TimeSpan PromptExit = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Sending = TimeSpan.FromSeconds(1);
    static readonly TimeSpan WatchPoll = TimeSpan.FromMilliseconds(5);

    [SkippableFact]
    public async Task Sigterm_mid_run_ends_stopped_with_nothing_attached()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        await using var sink = await RunningSink.StartAsync(bed);
        // Taken with the bed in place: deleting the namespaces would detach anything and hide a leak.
        var before = await SystemSnapshot.TakeAsync();
        await using var agent = await BedAgent.StartArmedAsync(bed, "--duration", "60s");
        await agent.StartAsync();
        await agent.WaitForStateAsync(s => s.Totals.Sent > 0 || s.State.IsFinal(), BedAgent.Patience);
        await Task.Delay(Sending);
        var held = BpfHandles.HeldBy(agent.Process.Id);
        var running = await agent.StatusAsync();

        using var stopWatching = new CancellationTokenSource();
        var watched = WatchStatesAsync(agent, stopWatching.Token);
        var clock = Stopwatch.StartNew();
        agent.Process.Signal("TERM");
        var exitCode = await agent.Process.WaitForExitAsync(ExitLimit);
        clock.Stop();
        await stopWatching.CancelAsync();
        var seen = await watched;

        Assert.Equal(AgentState.Running, running.State);
        Assert.True(exitCode == 0 && clock.Elapsed < PromptExit,
            $"exit code {exitCode} {clock.Elapsed.TotalMilliseconds:F0} ms after SIGTERM\n{agent.Describe()}");
        Assert.True(seen.All(s => s.State is AgentState.Running or AgentState.Stopped),
            $"states seen after SIGTERM: {string.Join(", ", seen.Select(s => s.State).Distinct())}\n{agent.Describe()}");
        Assert.Equal(AgentState.Stopped, AgentLogs.FinalState(agent.Process.StdoutLines, agent.Describe()));
        if (seen.LastOrDefault(s => s.State == AgentState.Stopped) is { } stopped)
            Assert.Equal(stopped.Totals.Sent, (await sink.StopWhenStableAsync(stopped.Totals.Sent)).Packets);
        Assert.NotEmpty(held.Programs);
        var remaining = await BpfHandles.StillExistingAsync(held);
        Assert.True(remaining.IsEmpty, $"still in the kernel after the agent exited: {remaining}");
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }

    [SkippableFact]
    public async Task Release_makes_the_agent_exit_0()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var sink = await RunningSink.StartAsync(bed);
            await using var agent = await BedAgent.StartArmedAsync(bed, "-n", "100000");
            await agent.StartAsync();
            await agent.SucceededAsync();

            var clock = Stopwatch.StartNew();
            await agent.ReleaseAsync();
            var exitCode = await agent.Process.WaitForExitAsync(ExitLimit);
            clock.Stop();

            Assert.True(exitCode == 0 && clock.Elapsed < PromptExit,
                $"exit code {exitCode} {clock.Elapsed.TotalMilliseconds:F0} ms after the release\n{agent.Describe()}");
        });
    }

    [SkippableFact]
    public async Task An_unreleased_agent_serves_its_final_figures_through_the_grace_period_then_exits_0()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            var grace = TimeSpan.FromSeconds(3);
            await using var agent = await AgentProcess.StartAsync(bed.GeneratorNamespace, BedAgent.UdpJob(bed, "-n", "100000"), grace);
            await agent.WaitForStateAsync(s => s.State == AgentState.Armed, BedAgent.Patience);
            await agent.StartAsync();
            var final = await agent.SucceededAsync();

            await Task.Delay(grace / 2);
            var during = await agent.StatusAsync();
            var exitCode = await agent.Process.WaitForExitAsync(ExitLimit);
            var exitedAfter = DateTimeOffset.UtcNow - final.FinishedAt!.Value;

            Assert.Equal((AgentState.Succeeded, final.Totals.Sent), (during.State, during.Totals.Sent));
            Assert.True(exitCode == 0 && exitedAfter >= grace && exitedAfter < grace + PromptExit,
                $"exit code {exitCode} {exitedAfter.TotalSeconds:F2} s after the job ended, grace {grace.TotalSeconds} s\n{agent.Describe()}");
        });
    }

    /// <summary>Every status the agent answers with until it stops answering or the watch is cancelled.</summary>
    static async Task<IReadOnlyList<AgentStatus>> WatchStatesAsync(AgentProcess agent, CancellationToken cancellationToken)
    {
        var seen = new List<AgentStatus>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                seen.Add(await agent.StatusAsync());
                await Task.Delay(WatchPoll, cancellationToken);
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException)
        {
            // The agent went away, or the watch ended.
        }
        return seen;
    }
}
