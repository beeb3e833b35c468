using System.Buffers.Binary;
using System.Net;
using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>
/// One probe sequence as `sink --verify` saw it. Expected is one past the highest seq received,
/// and always Received + Lost == Expected: losses after the last received seq can't be seen.
/// </summary>
internal sealed record VerifiedFlow(
    uint Stream, uint Flow, IPAddress Source, IPAddress Destination, int SourcePort, int DestinationPort,
    long Expected, long Received, long Lost, long Duplicates, long Reordered, long Stale);

/// <summary>The sequences `sink --verify` saw, and their sums.</summary>
internal sealed record SequenceVerification(IReadOnlyList<VerifiedFlow> Flows, long Untracked)
{
    public static SequenceVerification None { get; } = new([], 0);

    public long Expected => Flows.Sum(f => f.Expected);
    public long Received => Flows.Sum(f => f.Received);
    public long Lost => Flows.Sum(f => f.Lost);
    public long Duplicates => Flows.Sum(f => f.Duplicates);
    public long Reordered => Flows.Sum(f => f.Reordered);
    public long Stale => Flows.Sum(f => f.Stale);

    /// <summary>Reads "verify_flows" (each value under its lock) and "verify_untracked".</summary>
    public static SequenceVerification Read(BpfMap flows, BpfMap untracked)
    {
        var result = new List<VerifiedFlow>();
        foreach (VerifyKey key in flows.Keys<VerifyKey>())
        {
            if (flows.TryLookup(key, out VerifyFlowValue value, BpfMapFlags.Lock))
                result.Add(ToFlow(key, value));
        }
        result.Sort((a, b) => (a.Stream, a.Flow).CompareTo((b.Stream, b.Flow)));
        Span<ulong> perCpu = new ulong[BpfMap.PossibleCpuCount];
        untracked.LookupPerCpu(0, perCpu);
        long untrackedTotal = 0;
        foreach (ulong count in perCpu)
            untrackedTotal += (long)count;
        return new SequenceVerification(result, untrackedTotal);
    }

    private static VerifiedFlow ToFlow(VerifyKey key, VerifyFlowValue v)
    {
        int addressBytes = v.Family == 4 ? 4 : 16;
        ReadOnlySpan<byte> source = v.Source;
        ReadOnlySpan<byte> destination = v.Destination;
        return new VerifiedFlow(key.Stream, key.Flow,
            new IPAddress(source[..addressBytes]), new IPAddress(destination[..addressBytes]),
            NetworkOrder(v.SourcePortBigEndian), NetworkOrder(v.DestinationPortBigEndian),
            (long)v.NextSeq, (long)v.Received, (long)v.Lost, (long)v.Duplicates, (long)v.Reordered, (long)v.Stale);
    }

    // The map holds the port bytes as they were on the wire.
    private static int NetworkOrder(ushort raw) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(raw) : raw;
}
