using k8s;
using k8s.Models;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// A container's secret volumes as files in a private temporary directory (one subdirectory per volume,
/// one file per key, as the kubelet projects them), and its mount paths mapped onto those directories:
/// the container runs as a plain process, so <c>/var/run/flowgen/token</c> becomes <c>TMP/flow-token/token</c>.
/// Only secret volumes are supported; <c>items</c> and <c>defaultMode</c> are ignored.
/// </summary>
public sealed class SecretVolumes : IDisposable
{
    readonly DirectoryInfo _root;
    readonly IReadOnlyList<(string MountPath, string Directory)> _mounts;

    SecretVolumes(DirectoryInfo root, IReadOnlyList<(string, string)> mounts)
    {
        _root = root;
        _mounts = mounts;
    }

    /// <summary>Reads the secrets and writes them out; a missing secret throws (404), as it keeps a real pod waiting.</summary>
    public static async Task<SecretVolumes> WriteAsync(IKubernetes client, V1Pod pod, V1Container container, CancellationToken ct)
    {
        // Directory.CreateTempSubdirectory makes it 0700 on Unix.
        var root = Directory.CreateTempSubdirectory("flowgen-kubelet-");
        try
        {
            var mounts = new List<(string, string)>();
            foreach (var mount in container.VolumeMounts ?? [])
            {
                var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name)
                    ?? throw new InvalidOperationException($"pod {pod.Metadata.Name} mounts {mount.Name}, which it does not declare");
                var source = volume.Secret
                    ?? throw new NotSupportedException($"the local kubelet supports secret volumes only, not {mount.Name} of pod {pod.Metadata.Name}");
                var secret = await client.CoreV1.ReadNamespacedSecretAsync(source.SecretName, pod.Metadata.NamespaceProperty, cancellationToken: ct);
                var directory = root.CreateSubdirectory(volume.Name).FullName;
                foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
                    await File.WriteAllBytesAsync(Path.Combine(directory, key), value, ct);
                mounts.Add((mount.MountPath.TrimEnd('/'), directory));
            }
            return new SecretVolumes(root, mounts);
        }
        catch
        {
            root.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>The argument with a mounted path replaced by its local directory; any other argument as it is.</summary>
    public string Map(string arg)
    {
        foreach (var (mountPath, directory) in _mounts)
        {
            if (arg == mountPath)
                return directory;
            if (arg.StartsWith(mountPath + "/", StringComparison.Ordinal))
                return directory + arg[mountPath.Length..];
        }
        return arg;
    }

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"local kubelet: could not delete {_root.FullName}: {e.Message}");
        }
    }
}
