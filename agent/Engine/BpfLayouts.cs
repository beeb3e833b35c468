using System.Runtime.InteropServices;

namespace Flowgen.Engine;

// Mirrors of bpf/flowgen.h, field for field. BpfObject checks the .rodata size against these;
// the map readers check the value sizes.

/// <summary>struct gen_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenConfig
{
    public uint TargetIfindex;
    public uint JobTgid;
    public uint UdpOffset;
    public ushort DstPortFirst;
    public ushort DstPortCount;
    public ushort TemplateUdpCheck;
    public ushort Reserved;
}

/// <summary>struct gen_counters (one per-CPU slot).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenCountersSlot
{
    public ulong Attempted;
    public ulong Sent;
    public ulong Dropped;
    public ulong RedirectErrors;
    public ulong XmitErrorFlushes;
}

/// <summary>struct sink_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkConfig
{
    public uint PassTestTraffic;
}

/// <summary>struct sink_counters (one per-CPU slot).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkCountersSlot
{
    public ulong Packets;
    public ulong WireBytes;
    public ulong Other;
}

/// <summary>struct wire_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WireConfig
{
    public uint IfindexA;
    public uint IfindexB;
    public uint DropPpmAToB;
    public uint DropPpmBToA;
    public uint Lose;
}

/// <summary>struct wire_counters (one per-CPU slot of one direction).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WireCountersSlot
{
    public ulong Forwarded;
    public ulong ForwardedBytes;
    public ulong Dropped;
    public ulong DroppedBytes;
    public ulong Transmitted;
    public ulong XmitDropped;
    public ulong RedirectErrors;
    public ulong Unflushed;
}

internal static class BpfLayoutConstants
{
    /// <summary>FLOWGEN_ERRNO_SLOTS: redirect errors by errno; the last slot collects the rest.</summary>
    public const int ErrnoSlots = 128;
}
