namespace Flowgen.Interop.Tcp;

/// <summary>The frozen connection's state the XDP side continues from.</summary>
/// <param name="SendNext">The sequence number of the next byte to send (our ISN + 1 when nothing was sent).</param>
/// <param name="ReceiveNext">The next sequence number expected from the peer (the peer's ISN + 1): the ACK to send.</param>
/// <param name="TimestampNow">The socket's TSval clock at the freeze (ms ticks since an offset of its own); meaningless without timestamps.</param>
public sealed record TcpTakeover(uint SendNext, uint ReceiveNext, uint TimestampNow);
