using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// A stand-in kubelet for one node, whose network is a test namespace (e.g. a veth bed's generator side).
/// It registers the Node (Ready, with the given labels, its InternalIP on a <see cref="ManagementLink"/>
/// from the root namespace), then every 100 ms lists the pods and, for those bound to its node
/// (<see cref="NodeBinding"/>), runs each one's container as a flowgen process in the node's namespace
/// (<see cref="KubeletPod"/>) and reports it: Running with podIP = the node's management address,
/// then Succeeded or Failed with the exit code. A pod deleted (or being deleted) gets its process
/// terminated: SIGTERM, its grace period, SIGKILL. Restart policies other than Never, probes, images,
/// resources and pod networking are not implemented. Disposing terminates everything, deletes the Node
/// object and the management link.
/// </summary>
public sealed class LocalKubelet : IAsyncDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    const int MaxNotes = 50;

    readonly Kubernetes _client;
    readonly ManagementLink _link;
    readonly ConcurrentDictionary<string, KubeletPod> _runs = new(); // by pod uid
    readonly ConcurrentDictionary<string, bool> _reported = new(); // uids whose end (or refusal) is reported
    readonly ConcurrentQueue<string> _notes = new();
    readonly CancellationTokenSource _stop = new();
    Task _loop = Task.CompletedTask;
    int _disposed;

    LocalKubelet(Kubernetes client, ManagementLink link, string nodeName)
    {
        _client = client;
        _link = link;
        NodeName = nodeName;
    }

    public string NodeName { get; }

    public string NodeNamespace => _link.NodeNamespace;

    public IPAddress NodeAddress => _link.NodeAddress;

    public string ManagementInterface => _link.RootInterface;

    /// <summary>Every container process started so far, also those that ended.</summary>
    public IReadOnlyCollection<KubeletPod> Runs => [.. _runs.Values];

    public static async Task<LocalKubelet> StartAsync(Uri server, string nodeName, string nodeNamespace, IReadOnlyDictionary<string, string> labels)
    {
        var link = await ManagementLink.CreateAsync(nodeNamespace);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.ToString() });
        var kubelet = new LocalKubelet(client, link, nodeName);
        try
        {
            await client.CoreV1.CreateNodeAsync(Node(nodeName, labels, link.NodeAddress));
            kubelet._loop = Task.Run(() => kubelet.RunAsync(kubelet._stop.Token));
            return kubelet;
        }
        catch
        {
            await kubelet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Each container's command line, exit state and output, and what went wrong in the kubelet, for failure messages.</summary>
    public string Describe() =>
        string.Join("\n", _runs.Values.Select(run => $"pod {run.Pod.Metadata.Name}: {run.Describe()}")
            .Concat(_notes.Select(note => $"local kubelet: {note}")));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stop.CancelAsync();
        await _loop;
        foreach (var run in _runs.Values)
            await run.DisposeAsync();
        try
        {
            await _client.CoreV1.DeleteNodeAsync(NodeName);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            // The API server may be gone already; the node was only ever in it.
        }
        _client.Dispose();
        await _link.DisposeAsync();
        _stop.Dispose();
    }

    // Bounded by disposal.
    async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(ct);
                await Task.Delay(Poll, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException)
            {
                Note(e is HttpOperationException http ? $"{e.Message}: {http.Response?.Content}" : e.Message);
                await Task.Delay(Poll, CancellationToken.None);
            }
        }
    }

    async Task SyncAsync(CancellationToken ct)
    {
        var pods = (await _client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct)).Items
            .Where(pod => NodeBinding.IsOn(pod, NodeName))
            .ToDictionary(pod => pod.Metadata.Uid);
        foreach (var (uid, run) in _runs)
        {
            if (!pods.TryGetValue(uid, out var pod) || pod.Metadata.DeletionTimestamp is not null)
            {
                await run.DisposeAsync();
            }
            else if (run.ExitCode is { } exitCode && _reported.TryAdd(uid, true))
            {
                await PatchStatusAsync(pod, PodStatusReport.Terminated(run, exitCode), ct);
            }
        }
        foreach (var pod in pods.Values.Where(IsNew))
            await StartAsync(pod, ct);
    }

    bool IsNew(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Status?.Phase is null or "Pending"
        && !_runs.ContainsKey(pod.Metadata.Uid)
        && !_reported.ContainsKey(pod.Metadata.Uid);

    async Task StartAsync(V1Pod pod, CancellationToken ct)
    {
        if (KubeletPod.Unsupported(pod) is { } problem)
        {
            _reported[pod.Metadata.Uid] = true;
            await PatchStatusAsync(pod, PodStatusReport.Refused(problem), ct);
            return;
        }
        var run = await KubeletPod.StartAsync(_client, pod, NodeNamespace, ct);
        _runs[pod.Metadata.Uid] = run;
        await PatchStatusAsync(pod, PodStatusReport.Running(run, NodeAddress), ct);
    }

    async Task PatchStatusAsync(V1Pod pod, V1Patch patch, CancellationToken ct) =>
        await _client.CoreV1.PatchNamespacedPodStatusAsync(patch, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: ct);

    void Note(string message)
    {
        _notes.Enqueue(message);
        while (_notes.Count > MaxNotes)
            _notes.TryDequeue(out _);
    }

    static V1Node Node(string name, IReadOnlyDictionary<string, string> labels, IPAddress address) => new()
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string>(labels) { ["kubernetes.io/hostname"] = name },
        },
        Status = new V1NodeStatus
        {
            Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", LastTransitionTime = DateTime.UtcNow }],
            Addresses =
            [
                new V1NodeAddress { Type = "InternalIP", Address = address.ToString() },
                new V1NodeAddress { Type = "Hostname", Address = name },
            ],
        },
    };
}
