using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Free TCP ports on the loopback of a network namespace.</summary>
public static class FreePort
{
    /// <summary>
    /// A port nobody listens on in <paramref name="ns"/>: the kernel picks one for a socket bound to
    /// port 0, which is then closed. A test namespace has no other users, so it stays free until the
    /// caller's server takes it; start that server before asking for the next port.
    /// </summary>
    public static int OnLoopback(string ns) =>
        NetworkNamespace.Run(ns, () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        });
}
