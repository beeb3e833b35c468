namespace Flowgen.Interop.Netlink;

/// <summary>NUD_* states of a neighbour entry (linux/neighbour.h).</summary>
[Flags]
internal enum NeighbourState : ushort
{
    None = 0x00,
    Incomplete = 0x01,
    Reachable = 0x02,
    Stale = 0x04,
    Delay = 0x08,
    Probe = 0x10,
    Failed = 0x20,
    NoArp = 0x40,
    Permanent = 0x80,
}
