namespace Flowgen.Engine;

/// <summary>
/// What the wire did with the frames of one direction, summed over CPUs. Forwarded frames were
/// handed to the other interface; once traffic stops each of them was transmitted, dropped by
/// that interface's driver (<see cref="TransmitDropped"/>) or refused by the kernel
/// (<see cref="RedirectErrors"/>). Dropped frames are those the wire dropped on purpose.
/// Bytes are on the wire, FCS included.
/// </summary>
internal readonly record struct WireDirectionCounters(
    long Forwarded, long ForwardedBytes, long Dropped, long DroppedBytes,
    long Transmitted, long TransmitDropped, long RedirectErrors)
{
    /// <summary>Every frame that arrived: forwarded or dropped on purpose.</summary>
    public long Arrived => Forwarded + Dropped;

    internal static WireDirectionCounters Sum(ReadOnlySpan<WireCountersSlot> slots)
    {
        long forwarded = 0, forwardedBytes = 0, dropped = 0, droppedBytes = 0, transmitted = 0, xmitDropped = 0, errors = 0;
        foreach (ref readonly WireCountersSlot slot in slots)
        {
            forwarded += (long)slot.Forwarded;
            forwardedBytes += (long)slot.ForwardedBytes;
            dropped += (long)slot.Dropped;
            droppedBytes += (long)slot.DroppedBytes;
            transmitted += (long)slot.Transmitted;
            xmitDropped += (long)slot.XmitDropped;
            errors += (long)slot.RedirectErrors;
        }
        return new WireDirectionCounters(forwarded, forwardedBytes, dropped, droppedBytes, transmitted, xmitDropped, errors);
    }
}

/// <summary>Both directions of the wire: A to B and B to A.</summary>
internal readonly record struct WireCounters(WireDirectionCounters AToB, WireDirectionCounters BToA);
