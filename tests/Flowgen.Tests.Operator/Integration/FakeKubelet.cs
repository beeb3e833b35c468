using System.Collections.Concurrent;
using Flowgen.Contract;
using Flowgen.Operator.Agents;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Agents;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>
/// Plays the kubelet for agent pods: each new one gets a simulated agent holding the flow's token, and
/// the status Running with podIP 127.0.0.1. <see cref="Resolve"/> is the operator's address seam.
/// </summary>
internal sealed class FakeKubelet : IAsyncDisposable
{
    private const string Selector = $"{AgentPodLabels.Name}={AgentPodLabels.NameValue}";
    private readonly IKubernetes client;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, SimulatedAgent> agents = new(); // by pod uid: a re-created pod gets a new agent
    private readonly Task loop;

    public FakeKubelet(IKubernetes client)
    {
        this.client = client;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    /// <summary>Every agent started so far, also those of pods deleted since.</summary>
    public IReadOnlyCollection<SimulatedAgent> Agents => [.. agents.Values];

    /// <summary>The simulated agent's address for a pod the kubelet has started, else null.</summary>
    public Uri? Resolve(V1Pod pod) => agents.GetValueOrDefault(pod.Metadata.Uid)?.Address;

    /// <summary>Sets every agent's status to <paramref name="state"/>, with the given packets sent by each.</summary>
    public void Report(AgentState state, Func<SimulatedAgent, long> sent)
    {
        foreach (var agent in Agents)
            agent.Status = agent.Status with { State = state, Totals = AgentTotals.Zero with { Sent = sent(agent) } };
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var pods = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: Selector, cancellationToken: ct);
                foreach (var pod in pods.Items.Where(p => !agents.ContainsKey(p.Metadata.Uid)))
                    await RunAsync(pod, ct);
                await Task.Delay(20, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (k8s.Autorest.HttpOperationException)
            {
                // The pod went away while being started; the next round sees the cluster as it is now.
            }
        }
    }

    private async Task RunAsync(V1Pod pod, CancellationToken ct)
    {
        string ns = pod.Metadata.NamespaceProperty;
        var secret = await client.CoreV1.ReadNamespacedSecretAsync(pod.Spec.Volumes[0].Secret.SecretName, ns, cancellationToken: ct);
        agents[pod.Metadata.Uid] = await SimulatedAgent.StartAsync(FlowToken.Read(secret)!);
        var running = new V1Patch("""{"status":{"phase":"Running","podIP":"127.0.0.1"}}""", V1Patch.PatchType.MergePatch);
        await client.CoreV1.PatchNamespacedPodStatusAsync(running, pod.Metadata.Name, ns, cancellationToken: ct);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        foreach (var agent in agents.Values)
            await agent.DisposeAsync();
        stop.Dispose();
    }
}
