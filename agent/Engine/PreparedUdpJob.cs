using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;
using Flowgen.Interop;
using Flowgen.Packets;

namespace Flowgen.Engine;

/// <summary>A UDP job with everything resolved: ready to load and run.</summary>
internal sealed record PreparedUdpJob(
    UdpJob Job,
    InterfaceInfo Interface,
    PhysicalAddress SourceMac,
    PhysicalAddress DestinationMac,
    IPAddress Source,
    FrameTemplate Template,
    IReadOnlyList<WeightedSizeClass> SizeClasses,
    UdpFlowRanges Flows,
    RunnerSettings Settings)
{
    public GenConfig BpfConfig => UdpGeneratorConfig.Build(this);

    /// <summary>What preparation changed for this interface, e.g. IMIX's largest size lowered to its MTU.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The mean frame size on the wire of the frames the program handed out (per size class counts).</summary>
    public double MeanWireSize(IReadOnlyList<long> framesBySizeClass)
    {
        long frames = framesBySizeClass.Sum();
        return frames == 0
            ? SizeClasses.Sum(c => (double)c.Size.WireSize * c.Weight) / SizeClasses.Sum(c => c.Weight)
            : SizeClasses.Select((c, i) => (double)c.Size.WireSize * framesBySizeClass[i]).Sum() / frames;
    }
}
