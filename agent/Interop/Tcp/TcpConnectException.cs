using System.Net;
using System.Net.Sockets;

namespace Flowgen.Interop.Tcp;

/// <summary>A kernel connect() that did not complete; the message names the problem and what to check.</summary>
public sealed class TcpConnectException : Exception
{
    public TcpConnectException()
    {
    }

    public TcpConnectException(string message)
        : base(message)
    {
    }

    public TcpConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private TcpConnectException(TcpConnectFailure failure, string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public TcpConnectFailure Failure { get; } = TcpConnectFailure.Other;

    internal static TcpConnectException TimedOut(IPEndPoint remote, TimeSpan timeout, Exception? inner = null) =>
        new(TcpConnectFailure.TimedOut,
            $"no answer from {remote} within {timeout.TotalSeconds:0.###} s (timed out): check that the host is up, "
            + "listens on that port and that nothing drops the SYN; or give a longer --connect-timeout",
            inner);

    internal static TcpConnectException From(IPEndPoint remote, TimeSpan timeout, SocketError error, Exception? inner = null) =>
        error switch
        {
            SocketError.ConnectionRefused => new(TcpConnectFailure.Refused,
                $"connection to {remote} refused: nothing listens on that port", inner),
            SocketError.TimedOut => TimedOut(remote, timeout, inner),
            SocketError.HostUnreachable => new(TcpConnectFailure.Unreachable,
                $"{remote} is unreachable: no host answered at {remote.Address} (ARP or neighbour discovery got no reply); "
                + "check the address and that the host is up on this link", inner),
            SocketError.NetworkUnreachable => new(TcpConnectFailure.Unreachable,
                $"{remote} is unreachable: no route to {remote.Address} from this interface; check the address and the routes",
                inner),
            _ => new(TcpConnectFailure.Other, $"connecting to {remote} failed: {error}", inner),
        };
}
