using System.Net;
using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Tests.Operator.Runtime;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>Whole operator instances: leader election decides which one acts; every one serves health and metrics.</summary>
public sealed class OperatorHostTests() : OperatorTest(runOperator: false)
{
    [Fact]
    public async Task A_second_instance_stays_passive_until_the_leaders_lease_lapses_then_finishes_the_run()
    {
        await using var first = new HostedOperator(Emulator.BaseAddress, "first", Kubelet.Resolve, releaseOnStop: false);
        await using var second = await Passive(first);
        await CreateAsync(TwoNodeFlow("blast"));
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "started by the leader");
        Assert.False(second.IsLeader);

        await first.DisposeAsync(); // gone without handing the lease back, as a crashed leader
        Kubelet.Report(AgentState.Succeeded, _ => 500);

        await Eventually.True(() => second.IsLeader, "the standby took over");
        var done = await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Succeeded, "finished by the new leader");
        Assert.Equal(1000, done!.Status!.PacketsSent);
        Assert.All(Kubelet.Agents, agent => Assert.Single(agent.StartRequests));
    }

    [Fact]
    public async Task Every_instance_serves_healthz_and_metrics()
    {
        await using var host = new HostedOperator(Emulator.BaseAddress, "only", Kubelet.Resolve);
        using var http = new HttpClient { BaseAddress = await host.AddressAsync() };
        await Eventually.True(() => host.IsLeader, "leading");

        var health = await http.GetAsync("/healthz");
        string metrics = await http.GetStringAsync("/metrics");

        Assert.True(health.StatusCode == HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        Assert.Contains("flowgen_operator_leader 1", metrics);
    }

    /// <summary>A second instance, started once <paramref name="leader"/> leads.</summary>
    private async Task<HostedOperator> Passive(HostedOperator leader)
    {
        await Eventually.True(() => leader.IsLeader, "the first instance leads");
        var second = new HostedOperator(Emulator.BaseAddress, "second", Kubelet.Resolve);
        await second.AddressAsync();
        return second;
    }
}
