using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

[Description("An 802.1Q tag in every frame (flowgen udp --vlan ID[:PRIO]).")]
public sealed class VlanTagSpec
{
    [Required, Range(1, VlanTag.MaxId), Description("VLAN ID.")]
    public int Id { get; set; }

    [Default, Range(0, VlanTag.MaxPriority), Description("Priority code point (PCP).")]
    public int Priority { get; set; }
}
