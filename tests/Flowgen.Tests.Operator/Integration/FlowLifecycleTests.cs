using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Operator.Kubernetes;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>A TrafficFlow from create to delete: pods, barrier start, totals, release, finalizer.</summary>
public sealed class FlowLifecycleTests : OperatorTest
{
    [Fact]
    public async Task Creating_a_flow_creates_one_agent_pod_per_target_owned_by_the_flow()
    {
        var flow = await CreateAsync(TwoNodeFlow("blast"));

        var pods = await Until(() => PodsOf("blast"), p => p.Count == 2, "two agent pods");

        Assert.Equal(["n1", "n2"], pods.Select(p => p.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution
            .NodeSelectorTerms[0].MatchFields[0].Values[0]).Order());
        Assert.All(pods, pod => Assert.Equal(flow.Metadata.Uid, Assert.Single(pod.Metadata.OwnerReferences).Uid));
        var stored = await Flows.GetAsync(Ns, "blast", CancellationToken.None);
        Assert.Contains(TrafficFlowReconciler.Finalizer, stored!.Metadata.Finalizers);
    }

    [Fact]
    public async Task Armed_agents_get_exactly_one_start_each_all_at_the_same_instant()
    {
        await CreateAsync(TwoNodeFlow("blast"));

        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "both agents started");
        var running = await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Running, "Running");
        await Task.Delay(TrafficFlowReconciler.Poll * 1.5); // another poll round, which must not start anyone again

        Assert.All(Kubelet.Agents, agent => Assert.Single(agent.StartRequests));
        var instants = Kubelet.Agents.Select(agent => agent.StartRequests.Single().StartAt).Distinct().ToList();
        Assert.NotNull(Assert.Single(instants));
        Assert.Equal(instants[0]!.Value.UtcDateTime, running!.Status!.StartTime!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_finished_run_records_the_summed_totals_through_a_409_and_then_releases_the_agents()
    {
        await CreateAsync(TwoNodeFlow("blast"));
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "both agents started");
        int injected = 0;
        foreach (var agent in Kubelet.Agents)
        {
            // The first read of a final figure arms a 409 for the status write that follows it.
            agent.OnStatusRead = status =>
            {
                if (status.State == AgentState.Succeeded && Interlocked.Exchange(ref injected, 1) == 0)
                    Emulator.FailNextRequest("PATCH", "/trafficflows/blast/status", 409);
            };
        }

        Kubelet.Report(AgentState.Succeeded, _ => 500);
        var done = await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Succeeded, "Succeeded");

        Assert.Equal(1000, done!.Status!.PacketsSent);
        Assert.Equal([500L, 500L], done.Status.Agents!.Select(a => a.PacketsSent));
        Assert.NotNull(done.Status.CompletionTime);
        Assert.Equal(1, injected);
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.All(x => x.ReleaseRequests >= 1), "agents released");
        var events = await Client.CoreV1.ListNamespacedEventAsync(Ns);
        Assert.Subset(events.Items.Select(e => e.Reason).ToHashSet(), new HashSet<string> { "Running", "Succeeded" });
    }

    [Fact]
    public async Task A_spec_change_after_the_run_replaces_its_agents_and_runs_again()
    {
        await CreateAsync(TwoNodeFlow("blast"));
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "first run started");
        Kubelet.Report(AgentState.Succeeded, _ => 500);
        await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Succeeded, "first run done");
        var firstRun = Kubelet.Agents;

        var morePackets = new V1Patch("""{"spec":{"packets":2000}}""", V1Patch.PatchType.MergePatch);
        await Flows.PatchAsync(Ns, "blast", morePackets, CancellationToken.None);

        await Until(() => Task.FromResult(Kubelet.Agents.Except(firstRun).ToList()), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "second run started");
        var rerun = await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Running, "second run Running");
        Assert.Equal(rerun!.Metadata.Generation, rerun.Status!.ObservedGeneration);
        Assert.Equal(0, rerun.Status.PacketsSent);
        Assert.Null(rerun.Status.CompletionTime);
        Assert.Equal(2, (await PodsOf("blast")).Count);
        Assert.All(firstRun, agent => Assert.Single(agent.StartRequests));
    }

    [Fact]
    public async Task An_agent_that_fails_fails_the_flow_with_its_reason_and_the_others_are_stopped()
    {
        await CreateAsync(TwoNodeFlow("blast"));
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "both agents started");
        var failing = Kubelet.Agents.First();
        var other = Kubelet.Agents.Single(agent => agent != failing);

        failing.Status = failing.Status with { State = AgentState.Failed, Reason = "interface eth1 went down" };

        var failed = await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f?.Status?.Phase == FlowPhase.Failed, "Failed");
        Assert.Contains("interface eth1 went down", failed!.Status!.Message);
        await Until(() => Task.FromResult(other), a => a.StopRequests == 1 && a.ReleaseRequests >= 1, "the other agent stopped and released");
    }

    [Fact]
    public async Task Deleting_a_flow_stops_its_agents_removes_its_pods_and_then_the_flow()
    {
        await CreateAsync(TwoNodeFlow("blast"));
        await Until(() => Task.FromResult(Kubelet.Agents), a => a.Count == 2 && a.All(x => !x.StartRequests.IsEmpty), "both agents started");

        await Flows.DeleteAsync(Ns, "blast", CancellationToken.None);

        await Until(() => Flows.GetAsync(Ns, "blast", CancellationToken.None), f => f is null, "flow gone");
        Assert.Empty(await PodsOf("blast"));
        Assert.All(Kubelet.Agents, agent => Assert.Equal(1, agent.StopRequests));
    }
}
