using Flowgen.Interop.Tcp;
using Flowgen.Packets;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// One connection after the hand-over: the frozen kernel socket (closed silently on dispose),
/// its flow key, what every segment carries, and the data template the sender runs over.
/// </summary>
/// <param name="Iss">Our sequence number of stream offset 0.</param>
/// <param name="End">Stream offset where the data ends (a multiple of the record size); ulong.MaxValue: no end.</param>
internal sealed record TakenOverFlow(
    int Index,
    KernelTcpConnection Connection,
    TcpFlowKey Key,
    TcpSegmentSpec Spec,
    TcpSegment Template,
    TcpNegotiation Negotiation,
    uint Iss,
    ulong End) : IDisposable
{
    public int RecordSize => Template.PayloadLength;

    public void Dispose() => Connection.Dispose();
}
