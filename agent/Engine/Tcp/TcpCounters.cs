namespace Flowgen.Engine.Tcp;

/// <summary>One flow's figures, as its tcp_flows entry holds them.</summary>
/// <param name="SegmentsSent">New data segments handed to the driver.</param>
/// <param name="SegmentsResent">Retransmissions handed to the driver.</param>
/// <param name="Idle">Sender runs that had nothing to send (window full, all sent): dropped, never counted as drops.</param>
/// <param name="PeerWindow">The receive window the peer advertised last, in bytes.</param>
/// <param name="Cwnd">The congestion window, in segments.</param>
/// <param name="Probes">Tail-loss probes: a segment sent when ACKs stopped for two round trips (new data, or the last segment again).</param>
internal sealed record TcpFlowCounters(
    long SegmentsSent, long SegmentsResent, long BytesAcknowledged, long Idle, long FastRetransmits, long Timeouts,
    long PeerWindow, long Cwnd, TcpFlowFlags Flags, long Probes = 0)
{
    public static TcpFlowCounters Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, TcpFlowFlags.None);

    internal static TcpFlowCounters From(in TcpFlowValue v) => new(
        (long)v.SegmentsSent, (long)v.SegmentsResent, (long)v.SendUnacknowledged, (long)v.Idle, (long)v.FastRetransmits,
        (long)v.Timeouts, (long)v.PeerWindow, v.Cwnd, (TcpFlowFlags)v.Flags, (long)v.Probes);
}

/// <summary>All flows of a job, with their sums.</summary>
internal sealed record TcpCounters(IReadOnlyList<TcpFlowCounters> Flows)
{
    public static TcpCounters Zero { get; } = new([]);

    public long SegmentsSent => Flows.Sum(f => f.SegmentsSent);
    public long SegmentsResent => Flows.Sum(f => f.SegmentsResent);
    public long BytesAcknowledged => Flows.Sum(f => f.BytesAcknowledged);
    public long Idle => Flows.Sum(f => f.Idle);
    public long FastRetransmits => Flows.Sum(f => f.FastRetransmits);
    public long Timeouts => Flows.Sum(f => f.Timeouts);
    public long Probes => Flows.Sum(f => f.Probes);
    public long PeerWindow => Flows.Sum(f => f.PeerWindow);
    public long Cwnd => Flows.Sum(f => f.Cwnd);

    /// <summary>Retransmissions among all segments handed to the driver (0 to 1).</summary>
    public double ResentShare => SegmentsSent + SegmentsResent == 0 ? 0 : (double)SegmentsResent / (SegmentsSent + SegmentsResent);
}
