namespace Flowgen.Interop.Tcp;

/// <summary>
/// Socket option levels and names for the TCP hand-over, from the kernel's uapi headers
/// (/usr/include/asm-generic/socket.h and /usr/include/linux/tcp.h).
/// </summary>
internal static class TcpSocketOptions
{
    /// <summary>SOL_SOCKET.</summary>
    public const int SocketLevel = 1;

    /// <summary>SO_BINDTOIFINDEX (Linux 5.0): bind to an interface by index, not by name.</summary>
    public const int BindToInterfaceIndex = 62;

    /// <summary>IPPROTO_TCP.</summary>
    public const int TcpLevel = 6;

    /// <summary>TCP_INFO: struct tcp_info (see <see cref="TcpInfoLayout"/>).</summary>
    public const int Info = 11;

    /// <summary>TCP_REPAIR: 1 freezes the socket (needs CAP_NET_ADMIN); it then sends nothing, and close() sends no FIN or RST.</summary>
    public const int Repair = 19;

    /// <summary>TCP_REPAIR_QUEUE: which queue TCP_QUEUE_SEQ reads.</summary>
    public const int RepairQueue = 20;

    /// <summary>TCP_QUEUE_SEQ: write_seq of the send queue, rcv_nxt of the receive queue.</summary>
    public const int QueueSequence = 21;

    /// <summary>TCP_TIMESTAMP: the socket's current TSval clock (its clock plus the per-connection offset).</summary>
    public const int Timestamp = 24;

    /// <summary>TCP_REPAIR_ON.</summary>
    public const int RepairOn = 1;

    /// <summary>enum { TCP_NO_QUEUE, TCP_RECV_QUEUE, TCP_SEND_QUEUE }.</summary>
    public const int ReceiveQueue = 1;

    public const int SendQueue = 2;
}
