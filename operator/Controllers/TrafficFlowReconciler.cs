using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Brings one TrafficFlow's agents to its spec: observe (flow, pods, agents) → compare (pure decisions
/// in <see cref="FlowStatuses"/>, <see cref="StartDecision"/>, <see cref="AgentPods"/>) → act (create,
/// start, release, delete) → record status and Events.
/// </summary>
internal sealed class TrafficFlowReconciler(
    CustomResourceClient<TrafficFlow> flows, FlowCluster cluster, AgentConnector agents, EventRecorder events, TimeProvider? time = null)
{
    public const string Finalizer = "flowgen.dev/agents";
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PlacementRetry = TimeSpan.FromSeconds(10);
    private readonly StatusWriter<TrafficFlow> statusWriter = new(flows);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>The image of agent pods whose flow names none.</summary>
    public string AgentImage { get; init; } = AgentPlacement.DefaultImage;

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (await flows.GetAsync(key.Namespace, key.Name, ct) is not { } flow)
            return ReconcileResult.Done;
        if (flow.Metadata.DeletionTimestamp is not null)
            return await FinalizeAsync(flow, ct);
        flow = await flows.AddAsync(flow, Finalizer, ct);
        if (FlowStatuses.IsOutdated(flow))
            return await RetuneAsync(flow, ct) ?? await RestartAsync(flow, ct);
        if (FlowStatuses.IsFinal(flow.Status?.Phase))
            return await ExpireAsync(flow, ct);

        var slots = FlowSlots.Recorded(flow) ?? await PlaceAsync(flow, ct);
        if (slots is null)
            return ReconcileResult.RequeueAfter(PlacementRetry);
        if (AgentPods.JobProblem(flow, slots) is { } problem)
        {
            await WriteAsync(flow, FlowStatuses.Failed(flow, problem, clock.GetUtcNow()), ct);
            return ReconcileResult.Done;
        }
        return await RunAsync(flow, slots, ct);
    }

    /// <summary>One round of a placed run: pods → agents' status → start them together → status → release when done.</summary>
    private async Task<ReconcileResult> RunAsync(TrafficFlow flow, IReadOnlyList<AgentSlot> slots, CancellationToken ct)
    {
        string token = await cluster.EnsureTokenAsync(flow, ct);
        var pods = await EnsurePodsAsync(flow, slots, ct);
        var observed = await ObserveAsync(slots, pods, token, ct);

        var now = clock.GetUtcNow();
        bool started = StartDecision.HasStarted(flow.Status, observed);
        var start = StartDecision.For(flow.Spec.StartPolicy, observed, started, FlowStatuses.StartInstant(flow.Status), now);
        await Task.WhenAll(start.Agents.Select(a => a.Pod).OfType<V1Pod>().Select(pod => agents.StartAsync(pod, token, start.StartAt, ct)));
        bool startsNow = start.Agents.Count > 0;

        var status = FlowStatuses.Observed(flow, observed, started || startsNow, startsNow ? start.StartAt ?? now : null, now);
        // The final figures are written before the agents are released: a released agent exits and takes them along.
        await WriteAsync(flow, status, ct);
        if (FlowStatuses.IsFinal(status.Phase))
            await FinishAgentsAsync(observed, token, ct);
        return ReconcileResult.RequeueAfter(Poll);
    }

    private async Task<IReadOnlyList<AgentSlot>?> PlaceAsync(TrafficFlow flow, CancellationToken ct)
    {
        var decision = Placement.Choose(flow.Spec.Agents, await cluster.NodesAsync(ct));
        if (decision.IsPossible)
            return decision.Slots;
        await WriteAsync(flow, FlowStatuses.Fresh(flow, decision.Problem, clock.GetUtcNow()), ct);
        return null;
    }

    /// <summary>The pod of each slot, created when missing; null for a slot whose old pod is still going away.</summary>
    private async Task<IReadOnlyList<V1Pod?>> EnsurePodsAsync(TrafficFlow flow, IReadOnlyList<AgentSlot> slots, CancellationToken ct)
    {
        var existing = await cluster.FlowPodsAsync(flow, ct);
        var result = new List<V1Pod?>();
        List<V1Pod>? allAgents = null;
        foreach (var slot in slots)
        {
            var pod = AgentPods.For(slot, flow.Metadata.Name, existing);
            if (pod is null)
            {
                allAgents ??= [.. await cluster.AllAgentPodsAsync(ct)];
                pod = await cluster.CreatePodAsync(AgentPods.Render(flow, slot, allAgents, AgentImage), ct);
                allAgents.Add(pod);
            }
            result.Add(AgentPods.IsGoing(pod) ? null : pod);
        }
        return result;
    }

    private async Task<IReadOnlyList<AgentObservation>> ObserveAsync(
        IReadOnlyList<AgentSlot> slots, IReadOnlyList<V1Pod?> pods, string token, CancellationToken ct) =>
        await Task.WhenAll(slots.Select(async (slot, i) => pods[i] is { } pod
            ? new AgentObservation(slot, pod, await agents.StatusAsync(pod, token, ct))
            : new AgentObservation(slot, null, null)));

    /// <summary>A failed run stops the agents still sending; then every agent may exit.</summary>
    private async Task FinishAgentsAsync(IReadOnlyList<AgentObservation> observed, string token, CancellationToken ct)
    {
        var reachable = observed.Where(a => a is { Pod: not null, Status: not null }).ToList();
        await Task.WhenAll(reachable.Where(a => !a.IsFinal).Select(a => agents.StopAsync(a.Pod!, token, ct)));
        await Task.WhenAll(reachable.Select(a => agents.ReleaseAsync(a.Pod!, token, ct)));
    }

    /// <summary>
    /// A spec change that only sets another rate reaches running agents in place (POST /v1/rate),
    /// then the run goes on under the new generation; null when the change needs a restart.
    /// </summary>
    private async Task<ReconcileResult?> RetuneAsync(TrafficFlow flow, CancellationToken ct)
    {
        if (FlowStatuses.IsFinal(flow.Status?.Phase) || FlowSlots.Placed(flow) is not { } slots)
            return null;
        var existing = await cluster.FlowPodsAsync(flow, ct);
        var pods = slots.Select(slot => AgentPods.For(slot, flow.Metadata.Name, existing)).ToList();
        if (pods.Any(pod => pod is null || AgentPods.IsGoing(pod)))
            return null;
        string token = await cluster.EnsureTokenAsync(flow, ct);
        var observed = await ObserveAsync(slots, pods, token, ct);
        if (RateRetune.For(flow, observed) is not { } rate)
            return null;
        bool[] done = await Task.WhenAll(pods.Select(pod => agents.RateAsync(pod!, token, rate, ct)));
        if (!done.All(ok => ok))
            return null;
        await events.NormalAsync(flow, "RateChanged", $"the agents now send at {rate} each (POST /v1/rate)", ct);
        return await RunAsync(flow, slots, ct);
    }

    private async Task<ReconcileResult> RestartAsync(TrafficFlow flow, CancellationToken ct)
    {
        await RemoveAgentsAsync(flow, ct);
        await WriteAsync(flow, FlowStatuses.Fresh(flow, "the spec changed; restarting", clock.GetUtcNow()), ct);
        return ReconcileResult.RequeueAfter(Poll);
    }

    private async Task<ReconcileResult> FinalizeAsync(TrafficFlow flow, CancellationToken ct)
    {
        await RemoveAgentsAsync(flow, ct);
        await flows.RemoveAsync(flow, Finalizer, ct);
        return ReconcileResult.Done;
    }

    /// <summary>Stops every agent of the flow (best effort: a pod may never have run) and deletes its pods.</summary>
    private async Task RemoveAgentsAsync(TrafficFlow flow, CancellationToken ct)
    {
        var pods = (await cluster.FlowPodsAsync(flow, ct)).Where(pod => !AgentPods.IsGoing(pod)).ToList();
        if (pods.Count == 0)
            return;
        string token = await cluster.EnsureTokenAsync(flow, ct);
        await Task.WhenAll(pods.Select(pod => agents.StopAsync(pod, token, ct)));
        await Task.WhenAll(pods.Select(pod => cluster.DeletePodAsync(pod, ct)));
    }

    /// <summary>A finished flow: deleted once its TTL is up, else looked at again then.</summary>
    private async Task<ReconcileResult> ExpireAsync(TrafficFlow flow, CancellationToken ct)
    {
        if (FlowTtl.DeleteAt(flow) is not { } at)
            return ReconcileResult.Done;
        var left = at - clock.GetUtcNow();
        if (left > TimeSpan.Zero)
            return ReconcileResult.RequeueAfter(left);
        await flows.DeleteAsync(flow.Metadata.NamespaceProperty, flow.Metadata.Name, ct);
        return ReconcileResult.Done;
    }

    private async Task WriteAsync(TrafficFlow flow, TrafficFlowStatus status, CancellationToken ct)
    {
        await statusWriter.UpdateAsync(flow.Metadata.NamespaceProperty, flow.Metadata.Name, current => StatusReplacement.Of(status, current.Status), ct);
        if (FlowEvent.ForTransition(flow.Status?.Phase, status) is { } e)
            await events.RecordAsync(flow, e.Type, e.Reason, e.Message, ct);
    }
}
