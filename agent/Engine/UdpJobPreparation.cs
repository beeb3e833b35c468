using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;
using Flowgen.Interop;
using Flowgen.Packets;

namespace Flowgen.Engine;

/// <summary>
/// Turns a parsed job into a prepared one: checks the host, resolves the interface, addresses
/// and MACs, checks the frame against the MTU, and builds the frame template. Throws
/// <see cref="UsageException"/> for options that can't work here and
/// <see cref="EnvironmentException"/> for what the host lacks.
/// </summary>
internal static class UdpJobPreparation
{
    public static readonly TimeSpan NeighbourTimeout = TimeSpan.FromSeconds(3);

    public static async Task<PreparedUdpJob> PrepareAsync(UdpJob job, CancellationToken ct)
    {
        HostRequirements.EnsurePrivileged();
        InterfaceInfo iface = TargetInterface.Find(job.Interface);
        EnsureFrameFits(job, iface);
        HostRequirements.EnsureLiveFrames();

        IPAddress source = job.Source ?? iface.PreferredSource(job.Destination.AddressFamily)
            ?? throw new UsageException(
                $"{iface.Name} has no {FamilyName(job.Destination)} address to send from: give the source with -A/--src-addr");
        PhysicalAddress destinationMac = job.DestinationMac ?? await ResolveDestinationMacAsync(job, iface, ct);
        PhysicalAddress sourceMac = job.SourceMac ?? iface.Mac;

        var spec = new UdpFrameSpec(
            sourceMac, destinationMac, source, job.Destination, job.SourcePort, job.DestinationPort,
            job.FrameSize, job.HopLimit, job.Payload, job.Stamp);
        FrameTemplate template;
        IReadOnlyList<WeightedSizeClass> sizeClasses;
        try
        {
            template = UdpFrameBuilder.Build(spec);
            sizeClasses = [new WeightedSizeClass(UdpSizeClass.For(spec, job.FrameSize), 1)];
        }
        catch (FrameSpecException e)
        {
            throw new UsageException(e.Message, e);
        }

        var cpus = job.Cpus ?? Enumerable.Range(0, job.Threads).ToArray();
        var settings = new RunnerSettings(cpus, job.BatchSize, job.Packets, job.Duration, Rate: job.Rate);
        return new PreparedUdpJob(job, iface, sourceMac, destinationMac, source, template, sizeClasses, FlowsOf(job, source), settings);
    }

    private static UdpFlowRanges FlowsOf(UdpJob job, IPAddress source) => new(
        new GenRange(UdpSizeClass.Low32Bits(source), 1),
        new GenRange(UdpSizeClass.Low32Bits(job.Destination), 1),
        new GenRange(job.SourcePort, 1),
        new GenRange(job.DestinationPort, (uint)Math.Max(1, job.DynamicPorts)),
        Random: false);

    private static void EnsureFrameFits(UdpJob job, InterfaceInfo iface)
    {
        int largest = FrameSizes.MaximumWireSize(iface.Mtu);
        if (job.FrameSize > largest)
            throw new UsageException(
                $"-s {job.FrameSize} does not fit {iface.Name}: its MTU {iface.Mtu} allows frames of at most " +
                $"{largest} bytes on the wire (MTU + 18); lower -s or raise the MTU with 'ip link set {iface.Name} mtu N'");
    }

    private static async Task<PhysicalAddress> ResolveDestinationMacAsync(UdpJob job, InterfaceInfo iface, CancellationToken ct)
    {
        try
        {
            return await Neighbours.ResolveAsync(iface.Index, job.Destination, NeighbourTimeout, ct);
        }
        catch (NeighbourResolutionException e)
        {
            throw new EnvironmentException(e.Message);
        }
    }

    private static string FamilyName(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
