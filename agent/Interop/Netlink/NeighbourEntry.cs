using System.Net;
using System.Net.NetworkInformation;

namespace Flowgen.Interop.Netlink;

/// <summary>One row of the kernel's neighbour (ARP/ND) table.</summary>
internal sealed record NeighbourEntry(int InterfaceIndex, IPAddress Destination, NeighbourState State, PhysicalAddress? LinkAddress)
{
    private const NeighbourState Usable = NeighbourState.Reachable | NeighbourState.Stale | NeighbourState.Delay
        | NeighbourState.Probe | NeighbourState.Permanent | NeighbourState.NoArp;

    /// <summary>The MAC to send to, when the entry has one in a state the kernel itself would send to.</summary>
    public PhysicalAddress? UsableLinkAddress => (State & Usable) != 0 ? LinkAddress : null;
}
