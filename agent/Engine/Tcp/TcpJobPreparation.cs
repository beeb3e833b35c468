using System.Net.Sockets;
using Flowgen.Contract;
using Flowgen.Interop;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// Checks the host and resolves what a TCP job needs before any connection: the interface, its
/// source address, the CPUs. Throws <see cref="UsageException"/> or <see cref="EnvironmentException"/>.
/// </summary>
internal static class TcpJobPreparation
{
    public static PreparedTcpJob Prepare(TcpJob job)
    {
        HostRequirements.EnsurePrivileged();
        InterfaceInfo iface = TargetInterface.Find(job.Interface);
        HostRequirements.EnsureLiveFrames();
        TcpPayloadFile? payload = job.PayloadFile is { } path ? TcpPayloadFile.Read(path) : null;
        AddressFamily family = job.Destination.AddressFamily;
        var source = iface.PreferredSource(family) ?? throw new UsageException(
            $"{iface.Name} has no {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} address to connect from");
        var cpus = job.Cpus ?? Enumerable.Range(0, Environment.ProcessorCount).ToArray();
        var perFlow = Enumerable.Range(0, job.Flows).Select(i => cpus[i % cpus.Count]).ToArray();
        return new PreparedTcpJob(job, iface, source, perFlow, payload);
    }
}
