namespace Flowgen.Interop.Tcp;

/// <summary>Why a connect() failed.</summary>
public enum TcpConnectFailure
{
    /// <summary>The peer answered with RST: nothing listens on the port.</summary>
    Refused,

    /// <summary>No answer within the timeout.</summary>
    TimedOut,

    /// <summary>No route, or the neighbour (ARP / neighbour discovery) never answered.</summary>
    Unreachable,

    /// <summary>Anything else; the message carries the kernel's error.</summary>
    Other,
}
