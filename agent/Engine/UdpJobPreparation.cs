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
        var (sizes, notes) = SizesFor(job, iface);
        HostRequirements.EnsureLiveFrames();

        IPAddress source = job.Source ?? iface.PreferredSource(job.Destination.AddressFamily)
            ?? throw new UsageException(
                $"{iface.Name} has no {FamilyName(job.Destination)} address to send from: give the source with -A/--src-addr");
        PhysicalAddress destinationMac = job.DestinationMac ?? await ResolveDestinationMacAsync(job, iface, ct);
        PhysicalAddress sourceMac = job.SourceMac ?? iface.Mac;

        var spec = new UdpFrameSpec(
            sourceMac, destinationMac, source, job.Destination, job.SourcePort, job.DestinationPort,
            sizes[^1].Size, job.HopLimit, job.Payload, job.Stamp, job.Vlan?.ControlInformation);
        FrameTemplate template;
        IReadOnlyList<WeightedSizeClass> sizeClasses;
        try
        {
            template = UdpFrameBuilder.Build(spec);
            sizeClasses = [.. sizes.Select(size => new WeightedSizeClass(UdpSizeClass.For(spec, size.Size), size.Weight))];
        }
        catch (FrameSpecException e)
        {
            throw new UsageException(e.Message, e);
        }

        var cpus = job.Cpus ?? Enumerable.Range(0, job.Threads).ToArray();
        var settings = new RunnerSettings(cpus, job.BatchSize, job.Packets, job.Duration, Rate: job.Rate);
        return new PreparedUdpJob(job, iface, sourceMac, destinationMac, source, template, sizeClasses, FlowsOf(job, source), settings)
        {
            Notes = notes,
        };
    }

    private static UdpFlowRanges FlowsOf(UdpJob job, IPAddress source) => new(
        new GenRange(AddressRange.Low32(source), (uint)job.SourceCount),
        new GenRange(AddressRange.Low32(job.Destination), (uint)job.DestinationCount),
        new GenRange(job.SourcePort, (uint)job.SourcePortCount),
        new GenRange(job.DestinationPort, (uint)Math.Max(1, job.DynamicPorts)),
        job.RandomFlows);

    /// <summary>The job's sizes for this interface: IMIX adapted with notes, anything else checked against the MTU.</summary>
    private static (IReadOnlyList<WeightedFrameSize> Sizes, IReadOnlyList<string> Notes) SizesFor(UdpJob job, InterfaceInfo iface)
    {
        bool tagged = job.Vlan is not null;
        int largest = FrameSizes.MaximumWireSize(iface.Mtu, tagged);
        var (sizes, notes) = job.SizeMix?.For(job.Destination.AddressFamily, tagged, largest)
            ?? ([new WeightedFrameSize(job.FrameSize, 1)], []);
        if (sizes[^1].Size > largest)
            throw new UsageException(
                $"-s {job.SizeMix?.ToString() ?? job.FrameSize.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not fit "
                + $"{iface.Name}: its MTU {iface.Mtu} allows frames of at most {largest} bytes on the wire (MTU + 18"
                + $"{(tagged ? " + 4 for the 802.1Q tag" : "")}); lower -s or raise the MTU with 'ip link set {iface.Name} mtu N'");
        return (sizes, notes);
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
