namespace Flowgen.Interop.Tcp;

/// <summary>The frozen connection's state the XDP side continues from.</summary>
/// <param name="SendNext">The sequence number of the next byte to send (our ISN + 1 when nothing was sent).</param>
/// <param name="ReceiveNext">The next sequence number expected from the peer (the peer's ISN + 1): the ACK to send.</param>
/// <param name="TimestampNow">
/// The socket's TSval clock at the freeze (TCP_TIMESTAMP: ms ticks plus the connection's offset);
/// meaningless without timestamps. The last segment the kernel sent may carry a TSval up to a tick
/// ahead of it (its departure time, set by pacing), so continue from TimestampNow + 1 or later:
/// the peer's PAWS check drops segments whose TSval goes backwards by more than one.
/// </param>
public sealed record TcpTakeover(uint SendNext, uint ReceiveNext, uint TimestampNow);
