using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>A plain Linux TCP listener inside a test namespace (created on a thread there; it stays bound to it).</summary>
public static class NamespaceListener
{
    /// <param name="port">0: the kernel picks one; read it from LocalEndPoint.</param>
    public static Socket Listen(string ns, IPAddress address, int port, int backlog)
    {
        var listener = NetworkNamespace.Run(ns, () => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
        try
        {
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }
}
