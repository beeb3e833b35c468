using Flowgen.Contract;
using Flowgen.Control;
using Flowgen.Engine;
using Flowgen.Engine.Tcp;

namespace Flowgen.Tests.Unit.Agent;

public class TcpFiguresTests
{
    // Two flows: 1448-byte records in 1518-byte frames on CPU 0, 1000-byte records in 1070-byte frames on CPU 1.
    private static readonly TcpFlowLayout[] Layout = [new(0, 1518, 1448), new(1, 1070, 1000)];

    private static readonly TcpCounters Counters = new(
    [
        Flow(sent: 1000, resent: 10, acknowledged: 1_448_000, peerWindow: 3_000_000, cwnd: 100),
        Flow(sent: 500, resent: 0, acknowledged: 400_000, peerWindow: 50_000, cwnd: 80),
    ]);

    [Fact]
    public void Frames_sent_are_data_segments_resends_included_and_their_bytes_on_the_wire()
    {
        AgentTotals t = TcpFigures.From(Counters, Layout).Totals;

        Assert.Equal(1510, t.Sent);
        Assert.Equal(1510, t.Attempted);
        Assert.Equal(1010 * 1518 + 500 * 1070, t.BytesSent);
        Assert.Equal(10, t.Resent);
        Assert.Equal(1_848_000, t.BytesAcknowledged);
        Assert.Equal((0L, 0L), (t.Dropped, t.Errors));
        Assert.Empty(t.ErrorsByReason);
    }

    [Fact]
    public void Each_flow_is_a_thread_on_its_cpu()
    {
        JobFigures figures = TcpFigures.From(Counters, Layout);

        Assert.Equal([new AgentThreadFigures(0, 1010, 0, 0, 1010), new AgentThreadFigures(1, 500, 0, 0, 500)], figures.Threads);
    }

    [Fact]
    public void Window_is_the_smaller_of_cwnd_in_bytes_and_the_peer_window_summed_over_flows()
    {
        JobFigures figures = TcpFigures.From(Counters, Layout);

        Assert.Equal(100 * 1448 + 50_000, figures.WindowBytes);
    }

    [Fact]
    public void No_flows_are_zero_figures()
    {
        JobFigures figures = TcpFigures.From(TcpCounters.Zero, []);

        Assert.Equal(AgentTotals.Zero with { ErrorsByReason = figures.Totals.ErrorsByReason }, figures.Totals);
        Assert.Equal(0, figures.WindowBytes);
    }

    private static TcpFlowCounters Flow(long sent, long resent, long acknowledged, long peerWindow, long cwnd) =>
        new(sent, resent, acknowledged, 0, 0, 0, peerWindow, cwnd, TcpFlowFlags.None);
}
