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
}
