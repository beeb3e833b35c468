namespace Flowgen.Interop.Tcp;

/// <summary>
/// What the handshake settled, as the connecting socket's TCP_INFO reports it.
/// </summary>
/// <param name="SendMss">tcpi_snd_mss: the largest segment payload to send (options such as timestamps already taken off).</param>
/// <param name="SendWindowScale">tcpi_snd_wscale: the shift applied to the window the peer advertises.</param>
/// <param name="ReceiveWindowScale">tcpi_rcv_wscale: the shift the peer applies to the window we advertise.</param>
/// <param name="Sack">SACK-permitted was exchanged both ways.</param>
/// <param name="Timestamps">Timestamps (RFC 7323) are on: every segment carries TSval and TSecr.</param>
/// <param name="WindowScaling">Window scaling is on (both SYNs carried the option).</param>
/// <param name="PeerWindow">tcpi_snd_wnd: the peer's advertised receive window in bytes, scaling applied.</param>
public sealed record TcpNegotiation(
    int SendMss,
    int SendWindowScale,
    int ReceiveWindowScale,
    bool Sack,
    bool Timestamps,
    bool WindowScaling,
    uint PeerWindow);
