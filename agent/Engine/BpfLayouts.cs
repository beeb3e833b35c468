using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flowgen.Engine;

// Mirrors of bpf/flowgen.h, field for field. BpfObject checks the .rodata size against these;
// the map readers check the value sizes.

/// <summary>struct gen_size_class: one frame size, its lengths and checksum bases (host order).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenSizeClass
{
    public uint Threshold;
    public ushort FrameLength;
    public ushort IpLength;
    public ushort UdpLength;
    public ushort IpCheckBase;
    public ushort UdpCheckBase;
    public ushort Reserved;
}

/// <summary>struct gen_range: first, first + 1, … first + count - 1, in host order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenRange
{
    public uint First;
    public uint Count;

    public GenRange(uint first, uint count)
    {
        First = first;
        Count = count;
    }
}

/// <summary>gen_config.size_classes.</summary>
[InlineArray(BpfLayoutConstants.SizeClasses)]
internal struct GenSizeClasses
{
    private GenSizeClass _first;
}

/// <summary>struct gen_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenConfig
{
    public uint TargetIfindex;
    public uint JobTgid;
    public uint IpOffset;
    public uint UdpOffset;
    public uint Ipv6;
    public uint Rewrite;
    public uint Stamp;
    public uint FlowRandom;
    public uint FlowCount;
    public uint SizeClassCount;
    public GenRange SourceAddress;
    public GenRange DestinationAddress;
    public GenRange SourcePort;
    public GenRange DestinationPort;
    public GenSizeClasses SizeClasses;
    public uint HeaderLength;
    public uint Reserved;
    public GenHeaderWords HeaderWords;
    public ulong HeaderTail;
}

/// <summary>gen_config.header_words: the template's headers, 8 bytes each, as they lie in the frame.</summary>
[InlineArray(BpfLayoutConstants.HeaderWords)]
internal struct GenHeaderWords
{
    private ulong _first;
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
    public ulong Paced;
}

/// <summary>struct gen_rate (the one entry of "gen_rate").</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenRate
{
    public ulong Step;
    public ulong CreditNs;
}

/// <summary>struct gen_pacing (one per-CPU slot of "gen_pacing").</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenPacing
{
    public ulong NextNs;
    public ulong Frac;
    public ulong Quota;
    public ulong EarliestNs;
}

/// <summary>struct sink_config.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkConfig
{
    public uint PassTestTraffic;
    public uint Verify;
}

/// <summary>struct sink_counters (one per-CPU slot).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkCountersSlot
{
    public ulong Packets;
    public ulong WireBytes;
    public ulong Other;
}

/// <summary>struct verify_key: a probe's stream and flow.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VerifyKey
{
    public uint Stream;
    public uint Flow;
}

/// <summary>FLOWGEN_VERIFY_WINDOW_WORDS words of struct verify_flow's window.</summary>
[InlineArray(BpfLayoutConstants.VerifyWindowWords)]
internal struct VerifyWindow
{
    private ulong _first;
}

/// <summary>struct verify_flow (value of "verify_flows"); read with BPF_F_LOCK, Lock itself untouched.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VerifyFlowValue
{
    public uint Lock;
    public byte Family;
    public byte Pad0;
    public byte Pad1;
    public byte Pad2;
    public AddressField Source;
    public AddressField Destination;
    public ushort SourcePortBigEndian;
    public ushort DestinationPortBigEndian;
    public uint Pad3;
    public ulong NextSeq;
    public ulong Received;
    public ulong Lost;
    public ulong Duplicates;
    public ulong Reordered;
    public ulong Stale;
    public VerifyWindow Seen;
}

/// <summary>struct reflect_counters (one per-CPU slot).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ReflectCountersSlot
{
    public ulong Reflected;
    public ulong Passed;
}

/// <summary>struct latency_totals (one per-CPU slot).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LatencyTotalsSlot
{
    public ulong Samples;
    public ulong SumNs;
    public ulong MinNs;
    public ulong MaxNs;
    public ulong OutOfOrder;
    public ulong Passed;
}

/// <summary>struct latency_sample (an entry of "latency_samples").</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LatencySampleValue
{
    public ulong SentNs;
    public ulong ReflectedNs;
    public ulong ReturnedNs;
    public ulong Seq;
    public uint Stream;
    public uint Flow;
}

/// <summary>struct sink_timeline_config (the one entry of "sink_timeline_config").</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkTimelineConfig
{
    public ulong OriginNs;
    public ulong BinNs;
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

    /// <summary>FLOWGEN_SIZE_CLASSES: frame sizes one job can mix.</summary>
    public const int SizeClasses = 8;

    /// <summary>FLOWGEN_HEADER_WORDS: room for the headers the generator restores (at most 66 bytes).</summary>
    public const int HeaderWords = 8;

    /// <summary>FLOWGEN_STAMP_MAX_FLOWS: flows a stamping job can number.</summary>
    public const int StampMaxFlows = Contract.UdpJob.MaxStampedFlows;

    /// <summary>FLOWGEN_TIMELINE_BINS: bins of the sink's timeline; the last one also collects every later frame.</summary>
    public const int TimelineBins = 16384;

    /// <summary>GEN_RATE_PER_BYTE, GEN_RATE_STEP_SHIFT, GEN_RATE_FRAC_BITS: the encoding of gen_rate.step.</summary>
    public const ulong RatePerByte = 1;
    public const int RateStepShift = 1;
    public const int RateFracBits = 16;

    /// <summary>FLOWGEN_TCP_SCOREBOARD_WORDS.</summary>
    public const int TcpScoreboardWords = 128;

    /// <summary>FLOWGEN_TCP_PAYLOAD_CHUNK, _RECORD_MAX and _CHUNKS: the --payload-file map.</summary>
    public const int TcpPayloadChunk = 4096;
    public const int TcpPayloadRecordMax = 4096;
    public const int TcpPayloadChunks = 256;

    /// <summary>FLOWGEN_VERIFY_WINDOW_WORDS.</summary>
    public const int VerifyWindowWords = 64;

    /// <summary>FLOWGEN_LATENCY_SUB_BITS, _MAX_EXPONENT, _BUCKETS and _MAX_SAMPLES.</summary>
    public const int LatencySubBits = 5;
    public const int LatencyMaxExponent = 40;
    public const int LatencyBuckets = (1 << LatencySubBits) * (LatencyMaxExponent - LatencySubBits + 2);
    public const int LatencyMaxSamples = 65536;

    /// <summary>FLOWGEN_TCP_MAX_FLOWS.</summary>
    public const int TcpMaxFlows = 64;
}

/// <summary>struct tcp_config (.rodata of bpf/tcp.bpf.c).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TcpConfig
{
    public uint TargetIfindex;
    public uint Reserved;
}

/// <summary>16 bytes inline (an IPv6 address; an IPv4 one fills the first 4).</summary>
[InlineArray(16)]
internal struct AddressField
{
    private byte _first;
}

/// <summary>struct tcp_flow_key: the connection seen from our side; addresses and ports in network order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TcpFlowKey
{
    public byte Family;
    public byte Pad0;
    public byte Pad1;
    public byte Pad2;
    public AddressField Local;
    public AddressField Remote;
    public ushort LocalPortBigEndian;
    public ushort RemotePortBigEndian;
}

/// <summary>struct tcp_flow's SACK scoreboard.</summary>
[InlineArray(BpfLayoutConstants.TcpScoreboardWords)]
internal struct TcpScoreboard
{
    private ulong _first;
}

/// <summary>struct tcp_flow (value of "tcp_flows"); read and written with BPF_F_LOCK, Lock itself untouched.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TcpFlowValue
{
    public uint Lock;
    public uint State;
    public uint Iss;
    public uint Mss;
    public uint SendWindowScale;
    public uint TimestampsEnabled;
    public uint TsBase;
    public ushort TemplateCheck;
    public ushort Pad0;
    public ulong TsBaseNs;
    public ulong End;
    public ulong RtoInitialNs;
    public ulong RtoMaxNs;
    public uint ReceiveNext;
    public uint TsRecent;
    public uint Flags;
    public uint DuplicateAcks;
    public uint Cwnd;
    public uint Ssthresh;
    public uint CwndAcked;
    public uint PeerWindowRaw;
    public ulong PeerWindow;
    public ulong SendUnacknowledged;
    public ulong SendNext;
    public ulong Recover;
    public ulong RetransmitNext;
    public ulong RetransmitEnd;
    public ulong SackHigh;
    public ulong RtoNs;
    public ulong RtoStartNs;
    public ulong PassNext;
    public uint ResentInPass;
    public uint ProbeSent;
    public ulong ProbeStartNs;
    public ulong SmoothedRttNs;
    public ulong RttSegment;
    public ulong RttSentNs;
    public ulong SegmentsSent;
    public ulong SegmentsResent;
    public ulong Idle;
    public ulong FastRetransmits;
    public ulong Timeouts;
    public ulong Probes;
    public TcpScoreboard Sacked;
}

/// <summary>struct tcp_control (the one entry of "tcp_control").</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TcpControlValue
{
    public uint StopNewData;
    public uint PayloadLength;
}

/// <summary>struct tcp_payload_chunk (an entry of "tcp_payload").</summary>
[InlineArray(BpfLayoutConstants.TcpPayloadChunk + BpfLayoutConstants.TcpPayloadRecordMax)]
internal struct TcpPayloadChunk
{
    private byte _first;
}

/// <summary>enum tcp_flow_state.</summary>
internal enum TcpFlowPhase : uint
{
    Handshake = 1,
    Running = 2,
}

/// <summary>tcp_flow.flags (TCP_FLOW_*).</summary>
[Flags]
internal enum TcpFlowFlags : uint
{
    None = 0,
    PeerFin = 1 << 0,
    PeerReset = 1 << 1,
    FinAcknowledged = 1 << 2,
    FastRecovery = 1 << 3,
    RtoRecovery = 1 << 4,
}
