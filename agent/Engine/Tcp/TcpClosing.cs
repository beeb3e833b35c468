using Flowgen.Interop;
using Flowgen.Packets;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// The clean end of a flow whose data is all acknowledged: our FIN at seq iss + end (resent a
/// bounded number of times until the peer ACKs it, which the ingress program records), then the
/// peer's FIN acknowledged. The frames are built here and sent as one-frame live-frames runs of
/// the generator's redirect-only program.
/// </summary>
internal sealed class TcpClosing : IDisposable
{
    private const int FinAttempts = 5;
    private static readonly TimeSpan FinPatience = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PeerFinPatience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    private readonly TcpProgram _program;
    private readonly GeneratorProgram _redirect;

    public TcpClosing(TcpProgram program, int ifindex)
    {
        _program = program;
        _redirect = GeneratorProgram.Load(GeneratorProgramKind.Bare, new GenConfig { TargetIfindex = (uint)ifindex });
    }

    /// <summary>True when both FINs were acknowledged; false when the peer did not answer in time.</summary>
    public bool Close(TakenOverFlow flow)
    {
        TcpFlowValue state = _program.Read(flow.Key);
        if (state.SendUnacknowledged < state.End)
            return false;
        uint finSeq = flow.Iss + (uint)state.End;
        bool finAcked = false;
        for (int attempt = 0; attempt < FinAttempts && !finAcked; attempt++)
        {
            Send(flow, state, finSeq, TcpFlags.Fin | TcpFlags.Ack);
            finAcked = WaitFor(flow, TcpFlowFlags.FinAcknowledged, FinPatience, out state);
        }
        if (!finAcked || !WaitFor(flow, TcpFlowFlags.PeerFin, PeerFinPatience, out state))
            return false;
        Send(flow, state, finSeq + 1, TcpFlags.Ack);
        return true;
    }

    private bool WaitFor(TakenOverFlow flow, TcpFlowFlags flag, TimeSpan patience, out TcpFlowValue state)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            state = _program.Read(flow.Key);
            if (((TcpFlowFlags)state.Flags & flag) != 0)
                return true;
            if (DateTime.UtcNow >= until)
                return false;
            Thread.Sleep(Poll);
        }
    }

    private void Send(TakenOverFlow flow, in TcpFlowValue state, uint seq, TcpFlags flags)
    {
        uint tsVal = state.TsBase + (uint)((MonotonicClock.Nanoseconds() - state.TsBaseNs) / 1_000_000);
        var fields = new TcpSegmentFields(seq, state.ReceiveNext, flags, tsVal, state.TsRecent);
        TcpSegment segment = TcpSegmentBuilder.Build(flow.Spec, fields, ReadOnlySpan<byte>.Empty);
        int errno = LiveFrames.Run(_redirect.Xdp.Fd, segment.Frame, repeat: 1, batchSize: 1);
        if (errno != 0)
            throw new NativeException("sending a FIN or ACK", errno);
    }

    public void Dispose() => _redirect.Dispose();
}
