using Flowgen.Contract;
using Flowgen.Engine.Tcp;

namespace Flowgen.Control;

/// <summary>What the agent needs to know of one taken-over flow to report its counters.</summary>
/// <param name="Cpu">The CPU its sending thread is pinned to.</param>
/// <param name="WireFrameSize">A data segment's frame on the wire, FCS included.</param>
/// <param name="RecordSize">A data segment's payload (the congestion window counts these).</param>
internal sealed record TcpFlowLayout(int Cpu, int WireFrameSize, int RecordSize)
{
    public static TcpFlowLayout Of(TakenOverFlow flow, int cpu) =>
        new(cpu, flow.Template.Frame.Length + FrameSizes.Fcs, flow.RecordSize);
}

/// <summary>
/// A TCP job's flow counters as the agent reports them: every data segment handed to the driver
/// (resends included) is a frame sent, each flow is a thread; the driver's drops and the kernel's
/// refusals are not counted apart (the ingress program sees what is lost, and it is resent).
/// </summary>
internal static class TcpFigures
{
    /// <param name="flows">The flows in the order of <see cref="TcpCounters.Flows"/>.</param>
    public static JobFigures From(TcpCounters c, IReadOnlyList<TcpFlowLayout> flows)
    {
        var threads = new List<AgentThreadFigures>();
        long bytesSent = 0, window = 0;
        foreach (var (flow, layout) in c.Flows.Zip(flows))
        {
            long frames = flow.SegmentsSent + flow.SegmentsResent;
            threads.Add(new AgentThreadFigures(layout.Cpu, frames, 0, 0, frames));
            bytesSent += frames * layout.WireFrameSize;
            window += Math.Min(flow.Cwnd * layout.RecordSize, flow.PeerWindow);
        }
        long sent = c.SegmentsSent + c.SegmentsResent;
        var totals = new AgentTotals(sent, 0, 0, sent, bytesSent, new Dictionary<string, long>(), c.SegmentsResent, c.BytesAcknowledged);
        return new JobFigures(totals, threads, window);
    }
}
