using Flowgen.Contract;
using Flowgen.Operator.Agents;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Reaches a flow's agents: the address resolver is a seam (tests point it at simulated agents), and a
/// failed call is an unreachable agent (null), never an exception: the pod may still be starting.
/// </summary>
internal sealed class AgentConnector(HttpClient http, Func<V1Pod, Uri?>? resolve = null)
{
    private readonly Func<V1Pod, Uri?> addressOf = resolve ?? AgentAddress.Of;

    public AgentClient? For(V1Pod pod, string token) =>
        addressOf(pod) is { } address ? new AgentClient(http, address, token) : null;

    public async Task<AgentStatus?> StatusAsync(V1Pod pod, string token, CancellationToken ct)
    {
        AgentStatus? status = null;
        if (For(pod, token) is { } agent)
            await TryAsync(async c => status = await agent.StatusAsync(c), ct);
        return status;
    }

    /// <summary>Starts the agent; an agent that already started (409) counts as started.</summary>
    public async Task StartAsync(V1Pod pod, string token, DateTimeOffset? startAt, CancellationToken ct)
    {
        var agent = For(pod, token) ?? throw new InvalidOperationException($"agent pod {pod.Metadata.Name} has no address");
        try
        {
            await agent.StartAsync(startAt, ct);
        }
        catch (AgentRequestException e) when (e.IsConflict)
        {
        }
    }

    /// <summary>Sets the agent's rate; false when it could not be reached or refused it.</summary>
    public async Task<bool> RateAsync(V1Pod pod, string token, SendRate rate, CancellationToken ct)
    {
        bool done = false;
        if (For(pod, token) is { } agent)
            await TryAsync(async c => { await agent.RateAsync(rate, c); done = true; }, ct);
        return done;
    }

    public async Task StopAsync(V1Pod pod, string token, CancellationToken ct)
    {
        if (For(pod, token) is { } agent)
            await TryAsync(agent.StopAsync, ct);
    }

    public async Task ReleaseAsync(V1Pod pod, string token, CancellationToken ct)
    {
        if (For(pod, token) is { } agent)
            await TryAsync(agent.ReleaseAsync, ct);
    }

    private static async Task TryAsync(Func<CancellationToken, Task> call, CancellationToken ct)
    {
        try
        {
            await call(ct);
        }
        catch (Exception e) when (e is HttpRequestException or AgentRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
        }
    }
}
