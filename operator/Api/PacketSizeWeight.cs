using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

[Description("One frame size of a mix and its weight: weight / (sum of weights) of the frames have this size.")]
public sealed class PacketSizeWeight
{
    [Required, Range(FrameSizes.EthernetMinimumWire, FrameSizes.MaxWireSize), Description("Frame size on the wire, 4-byte FCS included.")]
    public int Size { get; set; }

    [Default, Range(1, FrameSizeMix.MaxWeight), Description("Relative share of frames of this size.")]
    public int Weight { get; set; } = 1;
}
