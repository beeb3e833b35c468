using Flowgen.Tests.Kernel.TestBed;
using k8s;
using k8s.Models;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// One pod's container, run by the local kubelet as <c>flowgen ARGS</c> in the node's network namespace
/// (host network), its secret volumes written to a temporary directory. The image is ignored: the
/// only image here is the agent's, whose entrypoint is flowgen, run from the test's build output.
/// Disposing terminates it as a kubelet does: SIGTERM, the pod's grace period, then SIGKILL.
/// </summary>
public sealed class KubeletPod : IAsyncDisposable
{
    // Beyond the agent's own 10 min grace: the bound of every run, whatever happens.
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    const long DefaultGraceSeconds = 30;
    const int KilledExitCode = 128 + 9;

    readonly SecretVolumes _volumes;
    readonly Task<int> _exit;
    string? _finalDescription;
    int _disposed;

    KubeletPod(V1Pod pod, V1Container container, SecretVolumes volumes, FlowgenProcess process)
    {
        Pod = pod;
        Container = container;
        _volumes = volumes;
        Process = process;
        StartedAt = DateTime.UtcNow;
        _exit = WatchExitAsync();
    }

    public V1Pod Pod { get; }

    public V1Container Container { get; }

    public FlowgenProcess Process { get; }

    public DateTime StartedAt { get; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>The container's exit code once it has exited: 128 + the signal when a signal ended it.</summary>
    public int? ExitCode => _exit.IsCompleted ? _exit.Result : null;

    /// <summary>Why this kubelet can't run the pod, or null.</summary>
    public static string? Unsupported(V1Pod pod) => pod.Spec switch
    {
        { Containers.Count: not 1 } => "the local kubelet runs pods of exactly one container",
        { HostNetwork: not true } => "the local kubelet runs host-network pods only (it has no pod network)",
        { InitContainers.Count: > 0 } => "the local kubelet runs no init containers",
        _ when pod.Spec.Containers[0].Command is { Count: > 0 } => "the local kubelet runs the image's entrypoint (flowgen) only, not a command",
        _ when !MountsOnlySecrets(pod) => "the local kubelet mounts secret volumes only",
        _ => null,
    };

    static bool MountsOnlySecrets(V1Pod pod) =>
        (pod.Spec.Containers[0].VolumeMounts ?? [])
            .All(mount => pod.Spec.Volumes?.FirstOrDefault(volume => volume.Name == mount.Name)?.Secret is not null);

    /// <summary>Starts the container; throws when a secret it mounts is missing (the pod stays pending).</summary>
    public static async Task<KubeletPod> StartAsync(IKubernetes client, V1Pod pod, string nodeNamespace, CancellationToken ct)
    {
        var container = pod.Spec.Containers[0];
        var volumes = await SecretVolumes.WriteAsync(client, pod, container, ct);
        try
        {
            var process = FlowgenProcess.Start(nodeNamespace, [.. (container.Args ?? []).Select(volumes.Map)]);
            return new KubeletPod(pod, container, volumes, process);
        }
        catch
        {
            volumes.Dispose();
            throw;
        }
    }

    /// <summary>The command line, exit state and output, for failure messages.</summary>
    public string Describe() => _finalDescription ?? Process.Describe();

    /// <summary>Terminates the container if it still runs, and removes its files. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        if (!_exit.IsCompleted)
        {
            TrySignal("TERM");
            var grace = TimeSpan.FromSeconds(Pod.Spec.TerminationGracePeriodSeconds ?? DefaultGraceSeconds);
            if (await Task.WhenAny(_exit, Task.Delay(grace)) != _exit)
                TrySignal("KILL");
        }
        await _exit;
        _finalDescription = Process.Describe();
        await Process.DisposeAsync();
        _volumes.Dispose();
    }

    async Task<int> WatchExitAsync()
    {
        int exitCode;
        try
        {
            exitCode = await Process.WaitForExitAsync(Lifetime);
        }
        catch (TimeoutException)
        {
            exitCode = KilledExitCode;
        }
        FinishedAt = DateTime.UtcNow;
        return exitCode;
    }

    void TrySignal(string signal)
    {
        try
        {
            Process.Signal(signal);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }
}
