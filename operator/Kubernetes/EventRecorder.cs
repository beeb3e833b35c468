using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Operator.Kubernetes;

public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}

/// <summary>
/// Records core/v1 Events about an object (what `kubectl describe` shows). A repeat of the same
/// type/reason/message for the same object bumps count and lastTimestamp on the existing Event, as
/// client-go's recorder does, instead of creating another. Best effort: a failure is logged, never thrown.
/// </summary>
public sealed class EventRecorder(IKubernetes client, string component, TimeProvider? time = null, ILogger? logger = null)
{
    private const int MaxRemembered = 4096;
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ILogger log = logger ?? NullLogger.Instance;
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Name, int Count)> recorded = [];

    public Task NormalAsync(IKubernetesObject<V1ObjectMeta> obj, string reason, string message, CancellationToken cancellationToken) =>
        RecordAsync(obj, EventTypes.Normal, reason, message, cancellationToken);

    public Task WarningAsync(IKubernetesObject<V1ObjectMeta> obj, string reason, string message, CancellationToken cancellationToken) =>
        RecordAsync(obj, EventTypes.Warning, reason, message, cancellationToken);

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var ns = obj.Metadata.NamespaceProperty ?? "default";
        var key = string.Join('\u0000', obj.Metadata.Uid, obj.Kind, ns, obj.Metadata.Name, type, reason, message);
        (string Name, int Count) previous;
        lock (gate)
        {
            recorded.TryGetValue(key, out previous);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var name = previous.Name is not null && await BumpAsync(previous.Name, ns, previous.Count + 1, now, cancellationToken).ConfigureAwait(false)
                ? previous.Name
                : await CreateAsync(obj, ns, type, reason, message, now, cancellationToken).ConfigureAwait(false);
            Remember(key, name, previous.Name == name ? previous.Count + 1 : 1);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "could not record event {Reason} on {Kind} {Ns}/{Name}", reason, obj.Kind, ns, obj.Metadata.Name);
        }
    }

    private async Task<string> CreateAsync(IKubernetesObject<V1ObjectMeta> obj, string ns, string type, string reason, string message,
        DateTime now, CancellationToken ct)
    {
        var evt = new Corev1Event
        {
            // client-go names events <object>.<unix nanoseconds in hex>.
            Metadata = new V1ObjectMeta { Name = $"{obj.Metadata.Name}.{now.Ticks:x}", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = obj.ApiVersion, Kind = obj.Kind, Name = obj.Metadata.Name, NamespaceProperty = ns,
                Uid = obj.Metadata.Uid, ResourceVersion = obj.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = component },
            ReportingComponent = component,
            ReportingInstance = Environment.MachineName,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        var created = await client.CoreV1.CreateNamespacedEventAsync(evt, ns, cancellationToken: ct).ConfigureAwait(false);
        return created.Metadata.Name;
    }

    /// <summary>False when the Event is gone (the server expires them, one hour by default), so a new one is created.</summary>
    private async Task<bool> BumpAsync(string name, string ns, int count, DateTime now, CancellationToken ct)
    {
        var patch = MergePatch.Create(new JsonObject { ["count"] = count, ["lastTimestamp"] = MergePatch.ToNode(now) });
        try
        {
            await client.CoreV1.PatchNamespacedEventAsync(patch, name, ns, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private void Remember(string key, string name, int count)
    {
        lock (gate)
        {
            if (recorded.Count >= MaxRemembered && !recorded.ContainsKey(key))
            {
                recorded.Clear();
            }
            recorded[key] = (name, count);
        }
    }
}
